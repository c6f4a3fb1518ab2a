// One project: the history of F1, precision and recall across versions with the policy's minimum lines, every
// version in a table, and a form to compare two versions.
import { h, tableWrap } from '../dom.js';
import { api, allModels, ApiError } from '../api.js';
import { lineChart } from '../charts.js';
import { ratio, count, when, metricName } from '../format.js';
import { badge, figure, modelHref, compareHref, section, levelText } from '../components.js';

const HISTORY = [
  { key: 'f1Score', name: 'F1 score', cls: 's1' },
  { key: 'precision', name: 'Precision', cls: 's2' },
  { key: 'recall', name: 'Recall', cls: 's3' },
];

async function policyOf(project) {
  try {
    return await api.thresholds(project);
  } catch (error) {
    // A project without a stored policy and no default is normal; anything else is reported by the caller.
    if (error instanceof ApiError && error.status === 404) {
      return null;
    }
    throw error;
  }
}

function historyChart(project, versions, policy) {
  const ordered = [...versions].sort((a, b) => Number(a.version) - Number(b.version));
  const minimums = (policy && policy.policy && policy.policy.minimums) || {};
  const series = HISTORY.map((m) => ({
    name: m.name,
    cls: m.cls,
    dots: true,
    points: ordered.map((v, i) => ({ x: i, y: v.headline ? v.headline[m.key] : null })),
    band: ordered.map((v, i) => {
      const interval = v.intervals && v.intervals[m.key];
      return { x: i, low: interval ? interval.low : null, high: interval ? interval.high : null };
    }),
  }));
  const level = ordered.map((v) => v.intervals && v.intervals.level).find((l) => typeof l === 'number');
  // Metrics sharing one minimum share one line, so labels never sit on top of each other.
  const byLimit = new Map();
  HISTORY.filter((m) => typeof minimums[m.key] === 'number').forEach((m) => {
    const names = byLimit.get(minimums[m.key]) || [];
    byLimit.set(minimums[m.key], [...names, m]);
  });
  const hlines = [...byLimit.entries()].map(([limit, metrics]) => {
    const names = metrics.map((m) => m.name).join(' and ');
    return { y: limit, cls: metrics.length === 1 ? metrics[0].cls : 'neutral', label: `min ${names} ${ratio(limit)}`,
      legend: `Policy minimum for ${names} (${ratio(limit)})` };
  });
  const last = ordered[ordered.length - 1];
  const desc = `${ordered.length} version${ordered.length === 1 ? '' : 's'}. `
    + (last && last.headline ? `Latest, version ${last.version}: F1 ${ratio(last.headline.f1Score)}, precision `
      + `${ratio(last.headline.precision)}, recall ${ratio(last.headline.recall)}. ` : '')
    + (last && last.intervals && last.intervals.f1Score ? `Its F1 ${levelText(last.intervals.level)} interval: `
      + `${ratio(last.intervals.f1Score.low)} to ${ratio(last.intervals.f1Score.high)}. ` : '')
    + (hlines.length ? `Policy minimums: ${hlines.map((l) => l.label.replace('min ', '')).join(', ')}.`
      : 'No policy minimums for these metrics.');
  return lineChart({
    title: `History of ${project}`, desc, xLabel: 'Model version', yLabel: 'Score',
    xDomain: [-0.5, Math.max(ordered.length - 0.5, 0.5)],
    // Past a dozen versions only every n-th tick is labelled, so labels never run into each other.
    xTicks: ordered.map((v, i) => ({ value: i, label: `v${v.version}` }))
      .filter((tick, i) => i % Math.ceil(ordered.length / 12) === 0 || i === ordered.length - 1),
    series, hlines, testid: 'history-chart',
    bandLegend: level ? `Shaded: each version's ${levelText(level)} confidence interval` : null,
  });
}

/** Every rule of the policy in force, in words, so that a badge can be read against what it judges. */
function policySection(policy) {
  if (!policy || !policy.policy) {
    return section('Policy', h('p', { class: 'muted', 'data-testid': 'policy-none' },
      'No policy applies: every evaluated version passes.'));
  }
  const p = policy.policy;
  const rules = [];
  const rule = (key, text) => rules.push(h('li', { 'data-testid': 'policy-rule', 'data-rule': key }, text));
  Object.entries(p.minimums || {}).forEach(([m, v]) => rule(`minimums.${m}`, `${metricName(m)} at least ${ratio(v)}`));
  Object.entries(p.maximums || {}).forEach(([m, v]) => rule(`maximums.${m}`, `${metricName(m)} at most ${ratio(v)}`));
  const regression = p.regression || { mode: 'significant', level: 0.95 };
  const judged = regression.mode === 'any' ? 'every such drop is a breach'
    : `a breach only when the paired test says it is real at ${levelText(regression.level)}, else inconclusive`;
  Object.entries(p.maximumDrops || {}).forEach(([m, v]) => rule(`maximumDrops.${m}`,
    `${metricName(m)} may drop by at most ${ratio(v)} from the previous version (${judged})`));
  Object.entries(p.maximumRelativeDrops || {}).forEach(([m, v]) => rule(`maximumRelativeDrops.${m}`,
    `${metricName(m)} may drop by at most ${(100 * v).toFixed(1)} % of the previous version's (${judged})`));
  const points = p.operatingPoints || {};
  Object.entries(points.precisionAtRecall || {}).forEach(([r, v]) => rule(`operatingPoints.precisionAtRecall.${r}`,
    `the best precision at recall ${r} or more is at least ${ratio(v)}`));
  Object.entries(points.recallAtFalsePositiveRate || {}).forEach(([f, v]) => rule(
    `operatingPoints.recallAtFalsePositiveRate.${f}`,
    `the best recall at a false-positive rate of ${f} or less is at least ${ratio(v)}`));
  Object.entries(p.labelMinimums || {}).forEach(([label, metrics]) => Object.entries(metrics).forEach(([m, v]) => rule(
    `labelMinimums.${label}.${m}`, `${label === '*' ? 'every label' : `label ${label}`}: ${metricName(m)} at least `
      + `${ratio(v)}`)));
  if (typeof p.minimumImages === 'number') {
    rule('minimumImages', `at least ${p.minimumImages} test images`);
  }
  if (typeof p.minimumAnomalous === 'number') {
    rule('minimumAnomalous', `at least ${p.minimumAnomalous} anomalous test images`);
  }
  return section('Policy', h('p', { class: 'muted' },
    `The ${policy.source === 'project' ? 'project\'s own' : 'default'} policy: each version must meet every rule.`),
  rules.length ? h('ul', { 'data-testid': 'policy-rules' }, rules) : h('p', { class: 'muted' }, 'It has no rule.'));
}

function versionTable(project, versions) {
  const table = h('table', { class: 'data', 'data-testid': 'version-table' },
    h('caption', {}, 'Model versions, newest first'),
    h('thead', {}, h('tr', {}, ['Version', 'Result', 'Status', 'F1', 'Precision', 'Recall', 'ROC AUC', 'Images',
      'Evaluated'].map((t, i) => h('th', { scope: 'col', class: i >= 3 && i <= 7 ? 'n' : null }, t)))),
    h('tbody', {}, versions.map((v) => {
      const headline = v.headline || {};
      return h('tr', { 'data-testid': 'version-row', 'data-version': v.version },
        h('th', { scope: 'row' }, h('a', { href: modelHref(project, v.version), 'data-testid': 'model-link' },
          `Version ${v.version}`)),
        h('td', {}, badge(v.badge, 'version-badge')),
        h('td', {}, v.status || ''),
        h('td', { class: 'n' }, figure(headline.f1Score, 'version-f1Score')),
        h('td', { class: 'n' }, figure(headline.precision, 'version-precision')),
        h('td', { class: 'n' }, figure(headline.recall, 'version-recall')),
        h('td', { class: 'n' }, figure(headline.rocAuc, 'version-rocAuc')),
        h('td', { class: 'n' }, figure(headline.images, 'version-images', count)),
        h('td', {}, when(v.evaluatedAt || v.ingestedAt)));
    })));
  return tableWrap('Model versions', table);
}

function compareForm(project, versions) {
  if (versions.length < 2) {
    return h('p', { class: 'muted' }, 'Comparison needs at least two versions.');
  }
  const options = (selected) => versions.map((v) => h('option', { value: v.version, selected: v.version === selected },
    `Version ${v.version}`));
  const base = h('select', { id: 'compare-base', name: 'base' }, options(versions[1].version));
  const candidate = h('select', { id: 'compare-candidate', name: 'candidate' }, options(versions[0].version));
  const form = h('form', { class: 'compare-form', 'data-testid': 'compare-form' },
    h('div', {}, h('label', { for: 'compare-base' }, 'Base'), base),
    h('div', {}, h('label', { for: 'compare-candidate' }, 'Candidate'), candidate),
    h('button', { type: 'submit' }, 'Compare'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    window.location.hash = compareHref(project, base.value, candidate.value);
  });
  return form;
}

export async function renderProject(project) {
  const [versions, policy] = await Promise.all([allModels(project), policyOf(project)]);
  const heading = h('h1', { tabindex: '-1' }, project);
  const content = [heading];
  if (versions.length === 0) {
    content.push(h('p', { class: 'empty' }, 'No model versions for this project yet.'));
    return { title: project, heading, content };
  }
  const latest = versions[0];
  content.push(h('p', { class: 'lead' }, 'Latest: ',
    h('a', { href: modelHref(project, latest.version) }, `version ${latest.version}`), ' ',
    badge(latest.badge, 'latest-badge'),
    policy ? h('span', { class: 'muted' }, ` · policy: ${policy.source === 'project' ? 'project\'s own' : 'default'}`)
      : null));
  content.push(section('History', historyChart(project, versions, policy)));
  content.push(section('Versions', versionTable(project, versions)));
  content.push(policySection(policy));
  content.push(section('Compare two versions', compareForm(project, versions)));
  return { title: project, heading, content };
}
