// Building blocks shared by the model page and the compare view.
import { h, tableWrap } from './dom.js';
import { lineChart, describeCurve } from './charts.js';
import { ratio, signed, count, raw, metricName, DASH } from './format.js';

export const CARD_METRICS = ['f1Score', 'precision', 'recall', 'rocAuc', 'averagePrecision', 'accuracy'];

const BADGE_TEXT = { pass: 'Pass', breach: 'Breach', failed: 'Failed', pending: 'Evaluation pending' };

export function badge(value, testid) {
  const key = BADGE_TEXT[value] ? value : 'unknown';
  return h('span', { class: `badge badge-${key}`, 'data-testid': testid || 'badge', 'data-value': value },
    BADGE_TEXT[value] || value || 'Unknown');
}

export function modelHref(project, version) {
  return `#/p/${encodeURIComponent(project)}/v/${encodeURIComponent(version)}`;
}

export function projectHref(project) {
  return `#/p/${encodeURIComponent(project)}`;
}

export function compareHref(project, base, candidate) {
  return `#/p/${encodeURIComponent(project)}/compare/${encodeURIComponent(base)}/${encodeURIComponent(candidate)}`;
}

export function section(title, ...children) {
  const id = `section-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return h('section', { class: 'panel', 'aria-labelledby': id }, h('h2', { id }, title), ...children);
}

/** A ratio with its raw value kept for tests and its text formatted for people. */
export function figure(value, testid, formatter = ratio) {
  return h('span', { class: 'num', 'data-testid': testid, 'data-value': raw(value) }, formatter(value));
}

const SOURCE_NAMES = { evaluationResult: 'evaluation result', describeModel: 'DescribeModel' };

const METHOD_NAMES = { wilson: 'Wilson', delong: 'DeLong', bootstrap: 'bootstrap' };

/** The level as people write it: 0.95 becomes "95 %". */
export function levelText(level) {
  return `${Number((100 * level).toPrecision(4))} %`;
}

/** "95 % interval 0.698–0.849" and how it was computed on how many images; why there is none otherwise. */
function intervalLine(intervals, metric) {
  if (!intervals) {
    return h('p', { class: 'card-interval muted', 'data-testid': `metric-${metric}-interval` },
      'No interval (summary stored before intervals)');
  }
  const interval = intervals[metric];
  if (!interval) {
    const why = (metric === 'f1Score' || metric === 'averagePrecision') && intervals.bootstrapSkipped
      ? 'No interval (bootstrap skipped on a large test set)' : 'No interval (metric undefined)';
    return h('p', { class: 'card-interval muted', 'data-testid': `metric-${metric}-interval` }, why);
  }
  return h('p', { class: 'card-interval', 'data-testid': `metric-${metric}-interval`,
    'data-low': raw(interval.low), 'data-high': raw(interval.high) },
  `${levelText(intervals.level)} interval ${ratio(interval.low)}–${ratio(interval.high)}`,
  h('span', { class: 'muted' }, ` (${METHOD_NAMES[interval.method] || interval.method}, ${interval.images} images)`));
}

/** One card per headline metric: computed with its interval, then each reported figure with the difference. */
export function metricCards(summary) {
  const differences = summary.differences || [];
  return h('div', { class: 'cards' }, CARD_METRICS.map((metric) => {
    const reported = differences.filter((d) => d.metric === metric);
    return h('article', { class: 'card', 'aria-labelledby': `card-${metric}` },
      h('h3', { id: `card-${metric}` }, metricName(metric)),
      h('p', { class: 'card-value' }, figure(summary.metrics[metric], `metric-${metric}-computed`)),
      h('p', { class: 'card-caption' }, 'computed'),
      intervalLine(summary.intervals, metric),
      reported.length === 0
        ? h('p', { class: 'card-reported muted' }, 'Not reported by the service')
        : h('dl', { class: 'card-reported' }, reported.map((d) => [
          h('dt', {}, `Reported (${SOURCE_NAMES[d.source] || d.source})`),
          h('dd', {}, figure(d.reported, `metric-${metric}-reported-${d.source}`),
            ' ', h('span', { class: 'diff' }, '(Δ ', figure(d.difference, `metric-${metric}-difference-${d.source}`,
              signed), ')')),
        ])));
  }));
}

function cellShade(value, total, wrong) {
  const share = total > 0 ? value / total : 0;
  const lightness = Math.round(97 - share * 30);
  return wrong ? `hsl(4 75% ${lightness}%)` : `hsl(212 75% ${lightness}%)`;
}

/** The 2x2 confusion matrix as a real table: rows are the truth, columns the prediction. */
export function confusionMatrix(metrics, caption, prefix = 'cm') {
  const total = metrics.images || 0;
  const cell = (value, key, label, wrong) => h('td', {
    style: `background:${cellShade(value, total, wrong)}`,
    class: wrong ? 'cm-wrong' : 'cm-right',
  }, h('span', { class: 'cm-count', 'data-testid': `${prefix}-${key}`, 'data-value': raw(value) }, count(value)),
  h('span', { class: 'cm-label' }, label));
  return h('table', { class: 'confusion', 'data-testid': `${prefix}-table` },
    h('caption', {}, caption || 'Confusion matrix (rows: actual, columns: predicted)'),
    h('thead', {}, h('tr', {}, h('td', { class: 'cm-corner' }),
      h('th', { scope: 'col' }, 'Predicted anomaly'), h('th', { scope: 'col' }, 'Predicted normal'))),
    h('tbody', {},
      h('tr', {}, h('th', { scope: 'row' }, 'Actual anomaly'),
        cell(metrics.truePositives, 'tp', 'true positives', false),
        cell(metrics.falseNegatives, 'fn', 'false negatives', true)),
      h('tr', {}, h('th', { scope: 'row' }, 'Actual normal'),
        cell(metrics.falsePositives, 'fp', 'false positives', true),
        cell(metrics.trueNegatives, 'tn', 'true negatives', false))));
}

/** False positive rate at the best threshold, from the counts (the ROC curve is reduced and may skip it). */
function bestFpr(summary) {
  const best = summary.bestThreshold;
  const normal = summary.metrics.normal;
  return best && normal > 0 ? best.falsePositives / normal : null;
}

export function rocChart(summaries, names, classes) {
  const single = summaries.length === 1;
  const series = summaries.map((summary, i) => ({
    name: names[i],
    cls: classes[i],
    points: (summary.curves?.roc || []).map((p) => ({ x: p.fpr, y: p.tpr })),
  }));
  const markers = [];
  summaries.forEach((summary, i) => {
    const best = summary.bestThreshold;
    const fpr = bestFpr(summary);
    if (best && fpr !== null && best.recall !== null) {
      markers.push({ x: fpr, y: best.recall, cls: classes[i],
        label: single ? `best F1 ${ratio(best.f1Score)}` : '',
        legend: `Best-F1 threshold ${ratio(best.threshold)}${single ? '' : ` (${names[i]})`}` });
    }
  });
  const descs = summaries.map((summary, i) => `${names[i]}: ROC AUC ${ratio(summary.metrics.rocAuc)}. `
    + describeCurve('ROC curve', summary.curves?.roc, 'fpr', 'tpr'));
  return lineChart({
    title: 'ROC curve', desc: descs.join(' '), xLabel: 'False positive rate', yLabel: 'True positive rate (recall)',
    series, markers, diagonal: true, testid: 'roc-chart', emptyText: 'No ROC curve: undefined for this test set',
  });
}

export function prChart(summaries, names, classes) {
  const single = summaries.length === 1;
  const series = summaries.map((summary, i) => ({
    name: names[i],
    cls: classes[i],
    points: (summary.curves?.precisionRecall || []).map((p) => ({ x: p.recall, y: p.precision })),
  }));
  const markers = [];
  summaries.forEach((summary, i) => {
    const best = summary.bestThreshold;
    if (best && best.recall !== null && best.precision !== null) {
      markers.push({ x: best.recall, y: best.precision, cls: classes[i],
        label: single ? `best F1 ${ratio(best.f1Score)}` : '',
        legend: `Best-F1 threshold ${ratio(best.threshold)}${single ? '' : ` (${names[i]})`}` });
    }
  });
  const descs = summaries.map((summary, i) => `${names[i]}: average precision `
    + `${ratio(summary.metrics.averagePrecision)}. `
    + describeCurve('Precision-recall curve', summary.curves?.precisionRecall, 'recall', 'precision')
    + (summary.bestThreshold ? ` Best F1 ${ratio(summary.bestThreshold.f1Score)} at precision `
      + `${ratio(summary.bestThreshold.precision)}, recall ${ratio(summary.bestThreshold.recall)}.` : ''));
  return lineChart({
    title: 'Precision-recall curve', desc: descs.join(' '), xLabel: 'Recall', yLabel: 'Precision',
    series, markers, testid: 'pr-chart', emptyText: 'No precision-recall curve: undefined for this test set',
  });
}

export function bestThresholdList(summary) {
  const best = summary.bestThreshold;
  if (!best) {
    return h('p', { class: 'muted' }, 'No best-F1 threshold: undefined for this test set.');
  }
  return h('dl', { class: 'facts' },
    h('dt', {}, 'Best-F1 threshold'), h('dd', {}, figure(best.threshold, 'best-threshold')),
    h('dt', {}, 'F1 at it'), h('dd', {}, figure(best.f1Score, 'best-f1')),
    h('dt', {}, 'Precision at it'), h('dd', {}, figure(best.precision, 'best-precision')),
    h('dt', {}, 'Recall at it'), h('dd', {}, figure(best.recall, 'best-recall')));
}

/** Per-label table of a segmentation model: image counts and the service's pixel figures. */
export function labelTable(labels) {
  const table = h('table', { class: 'data', 'data-testid': 'label-table' },
    h('caption', {}, 'Per-label figures (image counts from the manifest, pixel figures as reported)'),
    h('thead', {}, h('tr', {},
      ['Label', 'Ground-truth images', 'Predicted images', 'Precision', 'Recall', 'F1 score', 'Average IoU']
        .map((t, i) => h('th', { scope: 'col', class: i > 0 ? 'n' : null }, t)))),
    h('tbody', {}, labels.map((label) => h('tr', { 'data-testid': 'label-row', 'data-label': label.name },
      h('th', { scope: 'row' }, label.name),
      h('td', { class: 'n' }, figure(label.groundTruthImages, 'label-groundTruthImages', count)),
      h('td', { class: 'n' }, figure(label.predictedImages, 'label-predictedImages', count)),
      h('td', { class: 'n' }, figure(label.precision, 'label-precision')),
      h('td', { class: 'n' }, figure(label.recall, 'label-recall')),
      h('td', { class: 'n' }, figure(label.f1Score, 'label-f1Score')),
      h('td', { class: 'n' }, figure(label.averageIou, 'label-averageIou'))))));
  return tableWrap('Per-label figures', table);
}

export function breachList(breaches) {
  if (!breaches || breaches.length === 0) {
    return null;
  }
  return h('div', { class: 'breaches', role: 'note', 'aria-label': 'Threshold breaches' },
    h('h2', {}, `${breaches.length} threshold breach${breaches.length === 1 ? '' : 'es'}`),
    h('ul', {}, breaches.map((b) => h('li', { 'data-testid': 'breach' }, b.message || describeBreach(b)))));
}

/** Drops beyond their limit that the paired tests cannot tell from noise: shown, marked, never as a breach. */
export function inconclusiveList(inconclusive) {
  if (!inconclusive || inconclusive.length === 0) {
    return null;
  }
  return h('div', { class: 'inconclusive', role: 'note', 'aria-label': 'Inconclusive drops' },
    h('h2', {}, `${inconclusive.length} inconclusive drop${inconclusive.length === 1 ? '' : 's'} (not breaches)`),
    h('p', { class: 'muted' }, 'Each dropped by more than its limit against the previous version, but the paired '
      + 'test cannot tell the drop from noise on this test set. The smallest drop it could have shown is given.'),
    h('ul', {}, inconclusive.map((b) => h('li', { 'data-testid': 'inconclusive', 'data-metric': b.metric },
      h('span', { class: 'tag tag-inconclusive' }, 'Inconclusive'), ' ', b.message || describeBreach(b)))));
}

function describeBreach(b) {
  const label = b.label ? `${b.label} ` : '';
  return `${b.kind}: ${label}${metricName(b.metric)} ${ratio(b.actual)} (limit ${ratio(b.limit)})`;
}

export function errorBox(error) {
  const status = error && error.status ? ` (HTTP ${error.status})` : '';
  return h('div', { class: 'error-box', role: 'alert', 'data-testid': 'error' },
    h('p', {}, h('strong', {}, 'Could not load this page'), status),
    h('p', {}, error && error.message ? error.message : 'Unexpected error.'));
}

export { DASH };
