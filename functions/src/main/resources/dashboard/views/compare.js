// Two versions side by side: every headline figure with the change, both confusion matrices, overlaid curves.
import { h, tableWrap } from '../dom.js';
import { api } from '../api.js';
import { ratio, signed, count, signedCount, metricName, isNumber } from '../format.js';
import {
  badge, figure, section, confusionMatrix, rocChart, prChart, breachList, modelHref, projectHref, CARD_METRICS,
} from '../components.js';

const COUNTS = [
  ['images', 'Test images'],
  ['truePositives', 'True positives'],
  ['falsePositives', 'False positives'],
  ['trueNegatives', 'True negatives'],
  ['falseNegatives', 'False negatives'],
];

function delta(base, candidate) {
  return isNumber(base) && isNumber(candidate) ? candidate - base : null;
}

function trend(change) {
  if (!isNumber(change) || Math.abs(change) < 0.0005) {
    return h('span', { class: 'trend same' }, 'no change');
  }
  return change > 0 ? h('span', { class: 'trend up' }, '▲ better') : h('span', { class: 'trend down' }, '▼ worse');
}

function metricRows(base, candidate) {
  const ratios = CARD_METRICS.map((metric) => {
    const a = base.metrics[metric];
    const b = candidate.metrics[metric];
    const change = delta(a, b);
    return h('tr', { 'data-testid': 'compare-row', 'data-metric': metric },
      h('th', { scope: 'row' }, metricName(metric)),
      h('td', { class: 'n' }, figure(a, `compare-${metric}-base`)),
      h('td', { class: 'n' }, figure(b, `compare-${metric}-candidate`)),
      h('td', { class: 'n' }, figure(change, `compare-${metric}-delta`, signed)),
      h('td', {}, trend(change)));
  });
  const counts = COUNTS.map(([metric, label]) => {
    const a = base.metrics[metric];
    const b = candidate.metrics[metric];
    return h('tr', { 'data-testid': 'compare-row', 'data-metric': metric },
      h('th', { scope: 'row' }, label),
      h('td', { class: 'n' }, figure(a, `compare-${metric}-base`, count)),
      h('td', { class: 'n' }, figure(b, `compare-${metric}-candidate`, count)),
      h('td', { class: 'n' }, figure(delta(a, b), `compare-${metric}-delta`, signedCount)),
      h('td', {}, ''));
  });
  return [...ratios, ...counts];
}

function labelRows(base, candidate) {
  const names = [...new Set([...(base.labels || []), ...(candidate.labels || [])].map((l) => l.name))].sort();
  if (names.length === 0) {
    return null;
  }
  const find = (summary, name) => (summary.labels || []).find((l) => l.name === name) || {};
  const table = h('table', { class: 'data', 'data-testid': 'compare-label-table' },
    h('caption', {}, 'Per-label F1 and average IoU'),
    h('thead', {}, h('tr', {}, ['Label', 'F1 base', 'F1 candidate', 'Change', 'IoU base', 'IoU candidate', 'Change']
      .map((t, i) => h('th', { scope: 'col', class: i > 0 ? 'n' : null }, t)))),
    h('tbody', {}, names.map((name) => {
      const a = find(base, name);
      const b = find(candidate, name);
      return h('tr', { 'data-label': name },
        h('th', { scope: 'row' }, name),
        h('td', { class: 'n' }, ratio(a.f1Score)), h('td', { class: 'n' }, ratio(b.f1Score)),
        h('td', { class: 'n' }, signed(delta(a.f1Score, b.f1Score))),
        h('td', { class: 'n' }, ratio(a.averageIou)), h('td', { class: 'n' }, ratio(b.averageIou)),
        h('td', { class: 'n' }, signed(delta(a.averageIou, b.averageIou))));
    })));
  return section('Labels', tableWrap('Per-label comparison', table));
}

export async function renderCompare(project, baseVersion, candidateVersion) {
  const [base, candidate] = await Promise.all([api.model(project, baseVersion), api.model(project, candidateVersion)]);
  const heading = h('h1', { tabindex: '-1' }, `${project}: version ${baseVersion} → version ${candidateVersion}`);
  const content = [heading, h('p', { class: 'lead' },
    h('a', { href: modelHref(project, baseVersion) }, `Version ${baseVersion}`), ' ', badge(base.badge, 'base-badge'),
    ' compared with ',
    h('a', { href: modelHref(project, candidateVersion) }, `version ${candidateVersion}`), ' ',
    badge(candidate.badge, 'candidate-badge'), ' · ', h('a', { href: projectHref(project) }, 'Project history'))];
  if (!base.summary || !candidate.summary) {
    const missing = !base.summary ? baseVersion : candidateVersion;
    content.push(h('p', { class: 'empty', 'data-testid': 'compare-missing' },
      `Version ${missing} has no evaluation (${(!base.summary ? base : candidate).status || 'no summary'}), `
      + 'so there is nothing to compare.'));
    return { title: `${project} compare`, heading, content };
  }
  content.push(breachList(candidate.breaches));
  const table = h('table', { class: 'data', 'data-testid': 'compare-table' },
    h('caption', {}, `Computed figures, change = version ${candidateVersion} − version ${baseVersion}`),
    h('thead', {}, h('tr', {}, ['Metric', `Version ${baseVersion}`, `Version ${candidateVersion}`, 'Change', '']
      .map((t, i) => h('th', { scope: 'col', class: i > 0 && i < 4 ? 'n' : null }, t)))),
    h('tbody', {}, metricRows(base.summary, candidate.summary)));
  content.push(section('Figures', tableWrap('Figures compared', table)));
  content.push(section('Confusion matrices', h('div', { class: 'split' },
    confusionMatrix(base.summary.metrics, `Version ${baseVersion}`, 'cm-base'),
    confusionMatrix(candidate.summary.metrics, `Version ${candidateVersion}`, 'cm-candidate'))));
  const names = [`Version ${baseVersion}`, `Version ${candidateVersion}`];
  const summaries = [base.summary, candidate.summary];
  content.push(section('Curves', h('div', { class: 'charts' },
    rocChart(summaries, names, ['s2', 's1']), prChart(summaries, names, ['s2', 's1']))));
  content.push(labelRows(base.summary, candidate.summary));
  return { title: `${project} ${baseVersion} vs ${candidateVersion}`, heading, content };
}
