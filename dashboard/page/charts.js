// Plain SVG charts. Every chart is role="img" with a <title> and a <desc> that summarise it in words; the numbers
// behind each chart are also on the page as text or tables.
import { h, s, uid } from './dom.js';
import { ratio } from './format.js';

// Narrow screens get a squarer drawing so that text keeps a readable size when the SVG is scaled down.
const NARROW = typeof window !== 'undefined' && window.matchMedia
  && window.matchMedia('(max-width: 520px)').matches;
const WIDTH = NARROW ? 360 : 640;
const HEIGHT = NARROW ? 320 : 380;
const MARGIN = { top: 16, right: 20, bottom: 52, left: 56 };

function scale(domain, range) {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  return (value) => r0 + ((value - d0) / span) * (r1 - r0);
}

function segments(points) {
  // A null y breaks the line instead of dropping it to zero.
  const result = [];
  let current = [];
  for (const point of points) {
    if (point.y === null || point.y === undefined || !Number.isFinite(point.y)) {
      if (current.length) {
        result.push(current);
      }
      current = [];
    } else {
      current.push(point);
    }
  }
  if (current.length) {
    result.push(current);
  }
  return result;
}

/**
 * A line chart.
 * options: title, desc, xLabel, yLabel, xDomain, yDomain, xTicks [{value, label}], yTicks [numbers],
 * series [{name, points [{x, y}], cls, dots, band}] (band: points [{x, low, high}] drawn as a shaded interval),
 * markers [{x, y, label, cls}], hlines [{y, label, cls}],
 * diagonal (true draws the y = x reference of a ROC chart), testid.
 */
export function lineChart(options) {
  const xDomain = options.xDomain || [0, 1];
  const yDomain = options.yDomain || [0, 1];
  const x = scale(xDomain, [MARGIN.left, WIDTH - MARGIN.right]);
  const y = scale(yDomain, [HEIGHT - MARGIN.bottom, MARGIN.top]);
  const titleId = uid('chart-title');
  const descId = uid('chart-desc');
  const defaultTicks = NARROW ? [0, 0.25, 0.5, 0.75, 1] : [0, 0.2, 0.4, 0.6, 0.8, 1];
  const xTicks = options.xTicks
    || defaultTicks.map((v) => ({ value: v, label: NARROW ? String(v) : v.toFixed(1) }));
  const yTicks = options.yTicks || [0, 0.2, 0.4, 0.6, 0.8, 1];

  const grid = s('g', { class: 'grid', 'aria-hidden': 'true' },
    yTicks.map((v) => s('line', { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(v), y2: y(v) })));
  const axes = s('g', { class: 'axis', 'aria-hidden': 'true' },
    s('line', { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: HEIGHT - MARGIN.bottom, y2: HEIGHT - MARGIN.bottom }),
    s('line', { x1: MARGIN.left, x2: MARGIN.left, y1: MARGIN.top, y2: HEIGHT - MARGIN.bottom }),
    xTicks.map((t) => s('text', { x: x(t.value), y: HEIGHT - MARGIN.bottom + 20, 'text-anchor': 'middle' }, t.label)),
    yTicks.map((v) => s('text', { x: MARGIN.left - 8, y: y(v) + 5, 'text-anchor': 'end' }, v.toFixed(1))),
    s('text', { class: 'axis-label', x: (MARGIN.left + WIDTH - MARGIN.right) / 2, y: HEIGHT - 8,
      'text-anchor': 'middle' }, options.xLabel || ''),
    s('text', { class: 'axis-label', x: -(MARGIN.top + HEIGHT - MARGIN.bottom) / 2, y: 16,
      transform: 'rotate(-90)', 'text-anchor': 'middle' }, options.yLabel || ''));

  const diagonal = options.diagonal
    ? s('line', { class: 'diagonal', x1: x(0), y1: y(0), x2: x(1), y2: y(1), 'aria-hidden': 'true' })
    : null;

  // Labels of lines closer than a text height go below their line instead of above, so they never overlap. The
  // labels are drawn after the series (their white halo then keeps them readable where a series crosses them).
  let previousLabelY = -Infinity;
  const sortedHlines = [...(options.hlines || [])].sort((a, b) => b.y - a.y);
  const hlines = sortedHlines.map((line) => s('g', { class: `hline ${line.cls || ''}`, 'aria-hidden': 'true' },
    s('line', { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(line.y), y2: y(line.y) })));
  const hlineLabels = sortedHlines.map((line) => {
    let labelY = y(line.y) - 5;
    if (labelY - previousLabelY < 15) {
      labelY = Math.max(y(line.y) + 16, previousLabelY + 15);
    }
    previousLabelY = labelY;
    return s('g', { class: `hline ${line.cls || ''}`, 'aria-hidden': 'true' },
      s('text', { x: WIDTH - MARGIN.right - 4, y: labelY, 'text-anchor': 'end' }, line.label));
  });

  // Interval bands go under every line; a version without an interval breaks its band as a null breaks a line.
  const bands = (options.series || []).filter((serie) => serie.band).map((serie) => s('g', {
    class: `band ${serie.cls || ''}`, 'aria-hidden': 'true', 'data-testid': `band-${serie.cls || ''}`,
  }, segments(serie.band.map((p) => ({ x: p.x, y: Number.isFinite(p.low) && Number.isFinite(p.high) ? p.low : null,
    high: p.high }))).map((segment) => s('polygon', {
    points: [...segment.map((p) => `${x(p.x).toFixed(1)},${y(p.high).toFixed(1)}`),
      ...[...segment].reverse().map((p) => `${x(p.x).toFixed(1)},${y(p.y).toFixed(1)}`)].join(' '),
    'data-points': segment.map((p) => `${p.x}:${p.y}:${p.high}`).join(' '),
  }))));

  const series = (options.series || []).map((serie) => s('g', { class: `series ${serie.cls || ''}`,
    'aria-hidden': 'true' },
  segments(serie.points).map((segment) => s('polyline', {
    points: segment.map((p) => `${x(p.x).toFixed(1)},${y(p.y).toFixed(1)}`).join(' '),
  })),
  serie.dots ? serie.points.filter((p) => Number.isFinite(p.y))
    .map((p) => s('circle', { cx: x(p.x), cy: y(p.y), r: 4 })) : null));

  const markers = (options.markers || []).map((m) => {
    const cx = x(m.x);
    const cy = y(m.y);
    const anchor = cx > WIDTH * 0.65 ? 'end' : 'start';
    const dx = anchor === 'end' ? -10 : 10;
    const ty = cy < MARGIN.top + 24 ? cy + 20 : cy - 10;
    return s('g', { class: `marker ${m.cls || ''}`, 'aria-hidden': 'true' },
      s('circle', { cx, cy, r: 7 }),
      s('text', { x: cx + dx, y: ty, 'text-anchor': anchor }, m.label));
  });

  const empty = (options.series || []).every((serie) => serie.points.every((p) => !Number.isFinite(p.y)));
  const emptyNote = empty && options.emptyText
    ? s('text', { class: 'empty-note', x: (MARGIN.left + WIDTH - MARGIN.right) / 2,
      y: (MARGIN.top + HEIGHT - MARGIN.bottom) / 2, 'text-anchor': 'middle' }, options.emptyText)
    : null;

  const svg = s('svg', {
    class: 'chart', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-labelledby': `${titleId} ${descId}`,
    'data-testid': options.testid, preserveAspectRatio: 'xMidYMid meet',
  },
  s('title', { id: titleId }, options.title),
  s('desc', { id: descId }, options.desc || ''),
  grid, axes, diagonal, hlines, bands, series, hlineLabels, markers, emptyNote);

  const legendItems = [
    ...(options.series || []).filter((serie) => serie.name).map((serie) => h('li', {},
      h('span', { class: `swatch ${serie.cls || ''}`, 'aria-hidden': 'true' }), serie.name)),
    ...(options.bandLegend && (options.series || []).some((serie) => serie.band) ? [h('li', {},
      h('span', { class: 'swatch swatch-band', 'aria-hidden': 'true' }), options.bandLegend)] : []),
    ...(options.hlines || []).filter((line) => line.legend).map((line) => h('li', {},
      h('span', { class: `swatch swatch-hline ${line.cls || ''}`, 'aria-hidden': 'true' }), line.legend)),
    ...(options.markers || []).filter((m) => m.legend).map((m) => h('li', {},
      h('span', { class: `swatch swatch-marker ${m.cls || ''}`, 'aria-hidden': 'true' }), m.legend)),
  ];
  return h('figure', { class: 'chart-figure' },
    svg,
    legendItems.length ? h('ul', { class: 'legend', 'aria-label': `Legend: ${options.title}` }, legendItems) : null);
}

/** Sentence describing a curve's extent, for <desc>. */
export function describeCurve(name, points, xKey, yKey) {
  if (!points || points.length === 0) {
    return `${name} is undefined for this model (a single class in the test set).`;
  }
  return `${name} with ${points.length} points, ${xKey} from ${ratio(Math.min(...points.map((p) => p[xKey])))} to `
    + `${ratio(Math.max(...points.map((p) => p[xKey])))}.`;
}
