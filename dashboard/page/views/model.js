// One model version: metric cards, confusion matrix, curves, per-label table and the test results.
import { h, append, tableWrap } from '../dom.js';
import { api } from '../api.js';
import { openViewer } from '../viewer.js';
import { ratio, count, when } from '../format.js';
import {
  badge, figure, section, metricCards, confusionMatrix, rocChart, prChart, bestThresholdList, labelTable,
  breachList, inconclusiveList, compareHref, projectHref, errorBox,
} from '../components.js';

const PAGE_SIZE = 25;
const OUTCOMES = [
  ['incorrect', 'Incorrect'],
  ['correct', 'Correct'],
  ['all', 'All'],
];

function fileName(sourceRef) {
  const text = String(sourceRef || '');
  return text.slice(text.lastIndexOf('/') + 1) || text;
}

function thumbnail(image, open) {
  const button = h('button', { type: 'button', class: 'thumb-button', 'data-testid': 'image-open',
    'aria-label': `Open the image of line ${image.line}` });
  if (image.imageUrl) {
    const img = h('img', { src: image.imageUrl, alt: '', class: 'thumb', loading: 'lazy', 'data-testid': 'thumb' });
    img.addEventListener('error', () => img.replaceWith(h('span', { class: 'thumb placeholder',
      'data-testid': 'thumb-missing' }, 'no image')));
    button.append(img);
  } else {
    button.append(h('span', { class: 'thumb placeholder', 'data-testid': 'thumb-missing' }, 'no image'));
  }
  button.addEventListener('click', open);
  return button;
}

function imageRow(image, segmentation, open) {
  return h('tr', { 'data-testid': 'image-row', 'data-correct': String(image.correct), 'data-line': image.line },
    h('td', {}, thumbnail(image, open)),
    h('td', { class: 'n' }, count(image.line)),
    h('td', { class: 'wrap' }, h('span', { title: image.sourceRef }, fileName(image.sourceRef))),
    h('td', {}, image.actual),
    h('td', {}, image.predicted),
    h('td', {}, h('span', { class: image.correct ? 'ok' : 'wrong' }, image.correct ? '✓ correct' : '✗ incorrect')),
    h('td', { class: 'n' }, ratio(image.confidence)),
    h('td', { class: 'n' }, ratio(image.anomalyScore)),
    segmentation ? h('td', {}, (image.actualLabels || []).join(', ') || '—') : null,
    segmentation ? h('td', {}, (image.predictedLabels || []).join(', ') || '—') : null);
}

/** Test results with an outcome filter (incorrect first) and "show more" pagination over the images endpoint. */
function testResults(project, version, segmentation) {
  const container = h('div', { class: 'test-results' });
  const status = h('p', { class: 'muted', role: 'status', 'aria-live': 'polite', 'data-testid': 'images-status' });
  const tbody = h('tbody', {});
  const more = h('button', { type: 'button', class: 'secondary', 'data-testid': 'images-more', hidden: true },
    'Show more');
  const headers = ['Picture', 'Line', 'Image', 'Actual', 'Predicted', 'Outcome', 'Confidence', 'Anomaly score'];
  if (segmentation) {
    headers.push('Actual labels', 'Predicted labels');
  }
  const table = h('table', { class: 'data', 'data-testid': 'images-table' },
    h('caption', {}, 'Test images'),
    h('thead', {}, h('tr', {}, headers.map((t, i) => h('th', { scope: 'col',
      class: [1, 6, 7].includes(i) ? 'n' : null }, t)))),
    tbody);
  let state = { outcome: 'incorrect', next: null, loaded: 0, token: 0 };
  let shown = [];

  async function load(reset) {
    const token = reset ? state.token + 1 : state.token;
    if (reset) {
      state = { outcome: state.outcome, next: null, loaded: 0, token };
      shown = [];
      tbody.replaceChildren();
    }
    more.disabled = true;
    status.textContent = 'Loading images…';
    try {
      const body = await api.images(project, version, state.outcome, state.next, PAGE_SIZE);
      if (token !== state.token) {
        return;
      }
      const items = body.items || [];
      const offset = shown.length;
      shown.push(...items);
      append(tbody, items.map((image, i) => imageRow(image, segmentation,
        () => openViewer(project, version, shown, offset + i))));
      state.loaded += items.length;
      state.next = body.next || null;
      const total = typeof body.total === 'number' ? body.total : state.loaded;
      status.replaceChildren(`Showing ${state.loaded} of `,
        h('span', { 'data-testid': 'images-total', 'data-value': String(total) }, String(total)),
        ` ${state.outcome === 'all' ? '' : `${state.outcome} `}image${total === 1 ? '' : 's'}.`);
      more.hidden = !state.next;
      more.disabled = false;
    } catch (error) {
      if (token === state.token) {
        status.replaceChildren();
        container.replaceChildren(errorBox(error));
      }
    }
  }

  const radios = OUTCOMES.map(([value, label]) => {
    const id = `outcome-${value}`;
    const input = h('input', { type: 'radio', name: 'outcome', id, value, checked: value === 'incorrect',
      'data-testid': `filter-${value}` });
    input.addEventListener('change', () => {
      if (input.checked) {
        state.outcome = value;
        load(true);
      }
    });
    return h('span', { class: 'radio' }, input, h('label', { for: id }, label));
  });
  more.addEventListener('click', () => load(false));
  append(container, [
    h('fieldset', { class: 'filter' }, h('legend', {}, 'Show'), radios),
    status,
    tableWrap('Test images', table),
    more,
  ]);
  load(true);
  return container;
}

function reportedImages(summary) {
  const reported = (summary.differences || []).find((d) => d.metric === 'images' && d.reported !== null);
  return reported ? h('span', { class: 'muted' }, ' (reported ',
    figure(reported.reported, 'count-images-reported', count), ')') : null;
}

function header(model, summary) {
  const info = summary ? summary.model || {} : {};
  return h('div', { class: 'model-meta' },
    h('p', { class: 'lead' }, badge(model.badge, 'model-badge'), ' ',
      h('span', { 'data-testid': 'model-status' }, model.status || 'unknown status'),
      summary ? ` · ${summary.modelType === 'SEGMENTATION' ? 'segmentation' : 'classification'} model` : ''),
    model.statusMessage ? h('p', { class: 'muted' }, model.statusMessage) : null,
    summary ? h('dl', { class: 'facts' },
      h('dt', {}, 'Test images'), h('dd', {}, figure(summary.metrics.images, 'count-images', count),
        reportedImages(summary)),
      h('dt', {}, 'Anomalous / normal'), h('dd', {}, figure(summary.metrics.anomalous, 'count-anomalous', count),
        ' / ', figure(summary.metrics.normal, 'count-normal', count)),
      h('dt', {}, 'Training images'), h('dd', {}, count(info.trainingImages)),
      h('dt', {}, 'Evaluated'), h('dd', {}, when(info.evaluatedAt)),
      h('dt', {}, 'Ingested'), h('dd', {}, when(model.ingestedAt))) : null);
}

function trainingFacts(job) {
  const rows = [['Job', job.name], ['Status', job.status], ['Model type', job.modelType],
    ['Algorithm', job.algorithm], ['Test manifest', (job.channels || {}).test], ['Model artifact', job.modelArtifact],
    ['Created', job.createdAt], ['Ended', job.endedAt], ['Failure reason', job.failureReason]];
  return h('dl', { class: 'facts', 'data-testid': 'training-facts' },
    rows.filter(([, value]) => value).map(([name, value]) => [h('dt', {}, name), h('dd', {}, String(value))]));
}

export async function renderModel(project, version) {
  const model = await api.model(project, version);
  const summary = model.summary;
  const shownVersion = model.version || version;
  const heading = h('h1', { tabindex: '-1' }, `${project} · version ${shownVersion}`);
  const content = [heading, header(model, summary), breachList(model.breaches), inconclusiveList(model.inconclusive)];
  const previous = Number(shownVersion) - 1;
  const links = h('p', { class: 'links' },
    h('a', { href: projectHref(project) }, 'Project history'),
    previous >= 1 ? [' · ', h('a', { href: compareHref(project, String(previous), shownVersion),
      'data-testid': 'compare-previous' }, `Compare with version ${previous}`)] : null);
  content.push(links);
  if (model.training) {
    content.push(section('SageMaker training job', trainingFacts(model.training)));
  }
  if (!summary) {
    content.push(h('p', { class: 'empty', 'data-testid': 'no-summary' }, model.badge === 'pending'
      ? 'Trained; evaluation pending: no batch transform of its test set has been evaluated yet.'
      : `No evaluation for this version: it has no metrics (status ${model.status || 'unknown'}).`));
    return { title: `${project} v${shownVersion}`, heading, content };
  }
  content.push(section('Metrics', metricCards(summary)));
  content.push(section('Confusion matrix',
    h('div', { class: 'split' }, confusionMatrix(summary.metrics), bestThresholdList(summary))));
  const name = `Version ${shownVersion}`;
  content.push(section('Curves', h('div', { class: 'charts' },
    rocChart([summary], [name], ['s1']), prChart([summary], [name], ['s1']))));
  if (summary.labels && summary.labels.length > 0) {
    content.push(section('Labels', labelTable(summary.labels)));
  }
  content.push(section('Test results',
    h('p', {}, figure(summary.metrics.correct, 'count-correct', count), ' correct and ',
      figure(summary.metrics.incorrect, 'count-incorrect', count), ' incorrect of ', count(summary.metrics.images),
      ' test images.'),
    testResults(project, shownVersion, summary.modelType === 'SEGMENTATION')));
  return { title: `${project} v${shownVersion}`, heading, content };
}
