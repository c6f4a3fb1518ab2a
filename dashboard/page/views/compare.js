// Two versions side by side: every headline figure with the change, both confusion matrices, overlaid curves.
import { h, tableWrap } from '../dom.js';
import { api } from '../api.js';
import { ratio, signed, count, signedCount, metricName, isNumber, pValue } from '../format.js';
import {
  badge, figure, section, confusionMatrix, rocChart, prChart, breachList, inconclusiveList, modelHref, projectHref,
} from '../components.js';

// Figures that are image counts (shown as integers, no better/worse judgement).
const COUNTS = new Set(['images', 'anomalous', 'normal', 'truePositives', 'falsePositives', 'trueNegatives',
  'falseNegatives', 'correct', 'incorrect', 'groundTruthImages', 'predictedImages']);
// Ratios where a smaller value is the better one.
const LOWER_IS_BETTER = new Set(['falsePositiveRate']);
const METRIC_ORDER = ['f1Score', 'precision', 'recall', 'rocAuc', 'averagePrecision', 'accuracy', 'specificity',
  'falsePositiveRate', 'images', 'anomalous', 'normal', 'truePositives', 'falsePositives', 'trueNegatives',
  'falseNegatives', 'correct', 'incorrect'];
const COUNT_NAMES = {
  images: 'Test images', anomalous: 'Anomalous images', normal: 'Normal images', truePositives: 'True positives',
  falsePositives: 'False positives', trueNegatives: 'True negatives', falseNegatives: 'False negatives',
  correct: 'Correct', incorrect: 'Incorrect', groundTruthImages: 'Ground-truth images',
  predictedImages: 'Predicted images', threshold: 'Threshold',
};

function delta(base, candidate) {
  return isNumber(base) && isNumber(candidate) ? candidate - base : null;
}

function nameOf(metric) {
  return COUNT_NAMES[metric] || metricName(metric);
}

function trend(metric, change) {
  if (COUNTS.has(metric) || metric === 'threshold') {
    return '';
  }
  if (!isNumber(change) || Math.abs(change) < 0.0005) {
    return h('span', { class: 'trend same' }, 'no change');
  }
  const better = LOWER_IS_BETTER.has(metric) ? change < 0 : change > 0;
  return better ? h('span', { class: 'trend up' }, '▲ better') : h('span', { class: 'trend down' }, '▼ worse');
}

/** The API's comparison when it answers; the same figures computed here from both summaries otherwise. */
async function comparisonOf(project, baseVersion, candidateVersion, base, candidate) {
  try {
    return { document: await api.compare(project, baseVersion, candidateVersion), local: false };
  } catch (error) {
    const metrics = METRIC_ORDER.filter((m) => m in base.metrics || m in candidate.metrics).map((m) => ({
      metric: m, base: base.metrics[m] ?? null, candidate: candidate.metrics[m] ?? null,
      difference: delta(base.metrics[m], candidate.metrics[m]),
    }));
    return { document: { metrics, bestThreshold: [], labels: [] }, local: true, error };
  }
}

function ordered(deltas) {
  const rank = (m) => (METRIC_ORDER.indexOf(m) < 0 ? METRIC_ORDER.length : METRIC_ORDER.indexOf(m));
  return [...deltas].sort((a, b) => rank(a.metric) - rank(b.metric));
}

function deltaRow(d, prefix) {
  const format = COUNTS.has(d.metric) ? count : ratio;
  const formatDelta = COUNTS.has(d.metric) ? signedCount : signed;
  return h('tr', { 'data-testid': `${prefix}-row`, 'data-metric': d.metric },
    h('th', { scope: 'row' }, nameOf(d.metric)),
    h('td', { class: 'n' }, figure(d.base, `${prefix}-${d.metric}-base`, format)),
    h('td', { class: 'n' }, figure(d.candidate, `${prefix}-${d.metric}-candidate`, format)),
    h('td', { class: 'n' }, figure(d.difference, `${prefix}-${d.metric}-delta`, formatDelta)),
    h('td', {}, trend(d.metric, d.difference)));
}

function deltaTable(caption, deltas, prefix, baseVersion, candidateVersion, testid) {
  return h('table', { class: 'data', 'data-testid': testid },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, ['Metric', `Version ${baseVersion}`, `Version ${candidateVersion}`, 'Change', '']
      .map((t, i) => h('th', { scope: 'col', class: i > 0 && i < 4 ? 'n' : null }, t)))),
    h('tbody', {}, deltas.map((d) => deltaRow(d, prefix))));
}

function labelSections(labels, baseVersion, candidateVersion) {
  if (!labels || labels.length === 0) {
    return null;
  }
  return section('Labels', labels.map((label) => {
    const presence = label.inBase && label.inCandidate ? ''
      : ` (only in version ${label.inBase ? baseVersion : candidateVersion})`;
    return tableWrap(`Label ${label.label}`, deltaTable(`Label ${label.label}${presence}`, label.metrics,
      `compare-label-${label.label}`, baseVersion, candidateVersion, 'compare-label-table'));
  }));
}

const MCNEMAR = ['accuracy', 'recall', 'specificity'];
const INTERVALS = ['rocAuc', 'f1Score', 'averagePrecision'];

/** The paired tests of the API's comparison (docs/cli.md, "Paired tests"), or why there are none. */
function testsSection(document) {
  const tests = document.tests;
  const note = document.testsNote
    ? h('p', { class: tests ? 'warning' : 'muted', 'data-testid': 'compare-tests-note' }, document.testsNote)
    : null;
  if (!tests) {
    return section('Paired tests', note);
  }
  const lead = h('p', { 'data-testid': 'compare-tests-lead' },
    `On ${tests.pairedImages} images in both evaluations (${tests.onlyInBase} only in the base, `
    + `${tests.onlyInCandidate} only in the candidate, ${tests.classChanged} with a changed true class). `
    + 'A small p-value says the change is unlikely to be chance on these images; the interval says how large it is.');
  const mcNemar = h('table', { class: 'data', 'data-testid': 'compare-mcnemar-table' },
    h('caption', {}, 'Exact McNemar tests: the images only one version got right'),
    h('thead', {}, h('tr', {}, ['Figure', 'p-value', 'Right only in base', 'Right only in candidate', 'Images']
      .map((t, i) => h('th', { scope: 'col', class: i > 0 ? 'n' : null }, t)))),
    h('tbody', {}, MCNEMAR.filter((m) => tests[m]).map((m) => h('tr', { 'data-metric': m },
      h('th', { scope: 'row' }, metricName(m)),
      h('td', { class: 'n' }, figure(tests[m].pValue, `compare-test-${m}-p`, pValue)),
      h('td', { class: 'n' }, figure(tests[m].baseOnlyRight, `compare-test-${m}-base-only`, count)),
      h('td', { class: 'n' }, figure(tests[m].candidateOnlyRight, `compare-test-${m}-candidate-only`, count)),
      h('td', { class: 'n' }, figure(tests[m].images, `compare-test-${m}-images`, count))))));
  const intervals = h('table', { class: 'data', 'data-testid': 'compare-difference-table' },
    h('caption', {}, `Differences with ${Math.round(tests.level * 100)} % intervals (candidate − base)`),
    h('thead', {}, h('tr', {}, ['Figure', 'Change', 'Low', 'High', 'p-value', 'Test']
      .map((t, i) => h('th', { scope: 'col', class: i > 0 && i < 5 ? 'n' : null }, t)))),
    h('tbody', {}, INTERVALS.filter((m) => tests[m]).map((m) => h('tr', { 'data-metric': m },
      h('th', { scope: 'row' }, metricName(m)),
      h('td', { class: 'n' }, figure(tests[m].difference, `compare-test-${m}-difference`, signed)),
      h('td', { class: 'n' }, figure(tests[m].low ?? null, `compare-test-${m}-low`, signed)),
      h('td', { class: 'n' }, figure(tests[m].high ?? null, `compare-test-${m}-high`, signed)),
      h('td', { class: 'n' }, figure(tests[m].pValue ?? null, `compare-test-${m}-p`, pValue)),
      h('td', {}, m === 'rocAuc' ? 'paired DeLong' : 'paired bootstrap')))));
  return section('Paired tests', [note, lead, tableWrap('McNemar tests', mcNemar),
    tableWrap('Differences', intervals), discordantList(tests)].filter(Boolean));
}

/** The images behind the McNemar counts, each side in a disclosure that opens to the images and both scores. */
function discordantList(tests) {
  const images = tests.discordantImages || [];
  const total = discordantTotal(tests);
  const side = (rightIn, title) => {
    const rows = images.filter((d) => d.rightIn === rightIn);
    return h('details', { class: 'discordant', 'data-testid': `discordant-${rightIn}` },
      h('summary', {}, `${title} (${rows.length})`),
      rows.length === 0 ? h('p', { class: 'muted' }, 'None.') : tableWrap(title, h('table', { class: 'data' },
        h('caption', {}, title),
        h('thead', {}, h('tr', {}, ['Image', 'Actual', 'Base score', 'Candidate score']
          .map((t, i) => h('th', { scope: 'col', class: i > 1 ? 'n' : null }, t)))),
        h('tbody', {}, rows.map((d) => h('tr', { 'data-testid': 'discordant-image', 'data-ref': d.sourceRef },
          h('th', { scope: 'row', class: 'ref' }, d.sourceRef),
          h('td', {}, d.actual),
          h('td', { class: 'n' }, figure(d.baseScore, 'discordant-base-score')),
          h('td', { class: 'n' }, figure(d.candidateScore, 'discordant-candidate-score'))))))));
  };
  const listed = images.length < total
    ? h('p', { class: 'muted' }, `The first ${images.length} of ${total} such images are listed.`) : null;
  return h('div', { 'data-testid': 'compare-discordant' },
    h('h3', {}, 'Images only one version got right'),
    side('base', 'Right only in the base'), side('candidate', 'Right only in the candidate'), listed);
}

function discordantTotal(tests) {
  return tests.accuracy ? tests.accuracy.baseOnlyRight + tests.accuracy.candidateOnlyRight : 0;
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
  content.push(breachList(candidate.breaches), inconclusiveList(candidate.inconclusive));
  const comparison = await comparisonOf(project, baseVersion, candidateVersion, base.summary, candidate.summary);
  const figures = [tableWrap('Figures compared', deltaTable(
    `Computed figures, change = version ${candidateVersion} − version ${baseVersion}`,
    ordered(comparison.document.metrics || []), 'compare', baseVersion, candidateVersion, 'compare-table'))];
  if (comparison.local) {
    figures.unshift(h('p', { class: 'muted', 'data-testid': 'compare-local' },
      `The API's comparison was not available (${comparison.error.message}); figures computed in the page.`));
  }
  if ((comparison.document.bestThreshold || []).length > 0) {
    figures.push(tableWrap('Best-F1 threshold compared', deltaTable('At the best-F1 threshold',
      comparison.document.bestThreshold, 'compare-best', baseVersion, candidateVersion, 'compare-best-table')));
  }
  content.push(section('Figures', figures));
  if (!comparison.local) {
    content.push(testsSection(comparison.document));
  }
  content.push(section('Confusion matrices', h('div', { class: 'split' },
    confusionMatrix(base.summary.metrics, `Version ${baseVersion}`, 'cm-base'),
    confusionMatrix(candidate.summary.metrics, `Version ${candidateVersion}`, 'cm-candidate'))));
  const names = [`Version ${baseVersion}`, `Version ${candidateVersion}`];
  const summaries = [base.summary, candidate.summary];
  content.push(section('Curves', h('div', { class: 'charts' },
    rocChart(summaries, names, ['s2', 's1']), prChart(summaries, names, ['s2', 's1']))));
  content.push(labelSections(comparison.document.labels, baseVersion, candidateVersion));
  return { title: `${project} ${baseVersion} vs ${candidateVersion}`, heading, content };
}
