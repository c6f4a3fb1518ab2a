// Browser tests of the dashboard against the local mode: every number the page shows is checked against the
// API's JSON for the same endpoint.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startLocalMode, startSigningProxy } from './lib/server.js';
import { launch, screenshotPath } from './lib/browser.js';

const DASH = '—';
const ratio = (v) => (typeof v === 'number' ? v.toFixed(3) : DASH);
const pValue = (v) => {
  if (typeof v !== 'number') {
    return DASH;
  }
  return v < 0.0001 ? '< 0.0001' : v.toFixed(4);
};
const signed = (v) => {
  if (typeof v !== 'number') {
    return DASH;
  }
  const text = v.toFixed(3);
  if (Number(text) === 0) {
    return '0.000';
  }
  return v > 0 ? `+${text}` : text.replace('-', '−');
};
const signedCount = (v) => (v === 0 ? '0' : v > 0 ? `+${v}` : `−${Math.abs(v)}`);
const raw = (v) => (v === null || v === undefined ? 'null' : String(v));
const enc = encodeURIComponent;

let server;
let browser;
const api = async (path) => {
  const response = await fetch(`${server.baseUrl}${path}`);
  assert.equal(response.status, 200, `GET ${path} answered ${response.status}`);
  return response.json();
};

async function openPage(options = {}) {
  const context = await browser.newContext({ viewport: options.viewport || { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  const foreign = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') {
      problems.push(message.text());
    }
  });
  page.on('request', (request) => {
    if (!request.url().startsWith(server.baseUrl) && !request.url().startsWith('data:')) {
      foreign.push(request.url());
    }
  });
  return { page, context, problems, foreign };
}

async function waitForView(page, view) {
  await page.waitForSelector(`main[data-view="${view}"]:not([aria-busy])`, { timeout: 20_000 });
}

async function figure(locator) {
  return { text: (await locator.textContent()).trim(), value: await locator.getAttribute('data-value') };
}

async function assertFigure(locator, expected, format, what) {
  const shown = await figure(locator);
  assert.equal(shown.value, raw(expected), `${what}: data-value`);
  assert.equal(shown.text, format(expected), `${what}: text`);
}

before(async () => {
  server = await startLocalMode();
  browser = await launch();
});

after(async () => {
  if (browser) {
    await browser.close();
  }
  if (server) {
    await server.stop();
  }
});

describe('dashboard', () => {
  test('the project list shows each project\'s latest headline and badge as the API reports them', async () => {
    const { page, context, problems, foreign } = await openPage();
    const { projects } = await api('/projects');
    assert.ok(projects.length >= 2, 'the samples hold at least two projects');
    await page.goto(`${server.baseUrl}/ui/`);
    await waitForView(page, 'projects');
    for (const project of projects) {
      const row = page.locator(`[data-testid="project-row"][data-project="${project.project}"]`);
      assert.equal(await row.count(), 1, `a card for ${project.project}`);
      assert.equal(await row.getByTestId('project-badge').getAttribute('data-value'), project.badge);
      for (const key of ['f1Score', 'precision', 'recall', 'rocAuc']) {
        await assertFigure(row.getByTestId(`headline-${key}`), project.headline[key], ratio,
          `${project.project} ${key}`);
      }
      await assertFigure(row.getByTestId('headline-images'), project.headline.images,
        (v) => (v === null ? DASH : String(v)), 'images');
      assert.equal((await row.getByTestId('latest-link').textContent()).trim(), `version ${project.latestVersion}`);
    }
    await page.screenshot({ path: screenshotPath('projects'), fullPage: true });
    assert.deepEqual(problems, []);
    assert.deepEqual(foreign, [], 'the page loads nothing from another origin');
    await context.close();
  });

  test('clicking a project then a model shows the model\'s figures equal to the API\'s', async () => {
    const { page, context, problems } = await openPage();
    await page.goto(`${server.baseUrl}/ui/`);
    await waitForView(page, 'projects');
    await page.locator('[data-project="circuit-board"]').getByTestId('project-link').click();
    await waitForView(page, 'project');

    const versions = (await api('/projects/circuit-board/models')).items;
    const rows = page.getByTestId('version-row');
    assert.equal(await rows.count(), versions.length);
    for (const [i, version] of versions.entries()) {
      const row = rows.nth(i);
      assert.equal(await row.getAttribute('data-version'), version.version, 'newest first, as the API lists them');
      await assertFigure(row.getByTestId('version-f1Score'), version.headline.f1Score, ratio, 'version F1');
      await assertFigure(row.getByTestId('version-recall'), version.headline.recall, ratio, 'version recall');
    }
    const history = page.getByTestId('history-chart');
    assert.equal(await history.getAttribute('role'), 'img');
    // The F1 band joins each version's interval, oldest first, as the listing gives them.
    const oldestFirst = [...versions].reverse();
    const band = await history.locator('[data-testid="band-s1"] polygon').getAttribute('data-points');
    assert.equal(band, oldestFirst.map((v, i) => `${i}:${v.intervals.f1Score.low}:${v.intervals.f1Score.high}`)
      .join(' '));
    assert.equal(await history.locator('.band polygon').count(), 3, 'F1, precision and recall each have a band');
    assert.match(await page.locator('.legend').first().innerText(), /Shaded: each version's 95 % confidence interval/);
    // Every rule of the policy in force is listed, drops with how they are judged.
    const policy = (await api('/projects/circuit-board/thresholds')).policy;
    const expectedRules = [
      ...Object.keys(policy.minimums).map((m) => `minimums.${m}`),
      ...Object.keys(policy.maximumDrops).map((m) => `maximumDrops.${m}`),
      ...Object.entries(policy.labelMinimums).flatMap(([l, ms]) => Object.keys(ms).map((m) => `labelMinimums.${l}.${m}`)),
    ];
    const shownRules = page.getByTestId('policy-rule');
    assert.deepEqual(await shownRules.evaluateAll((els) => els.map((e) => e.dataset.rule)), expectedRules);
    assert.match(await page.locator('[data-rule="maximumDrops.recall"]').innerText(),
      /^Recall may drop by at most 0\.050 from the previous version \(a breach only when the paired test says it is real at 95 %, else inconclusive\)$/);
    await page.screenshot({ path: screenshotPath('project-circuit-board'), fullPage: true });

    await page.locator('[data-testid="version-row"][data-version="2"]').getByTestId('model-link').click();
    await waitForView(page, 'model');
    const model = await api('/projects/circuit-board/models/2');
    const { summary } = model;
    assert.equal((await page.locator('h1').textContent()).trim(), 'circuit-board · version 2');
    assert.equal(await page.getByTestId('model-badge').getAttribute('data-value'), model.badge);
    for (const metric of ['f1Score', 'precision', 'recall', 'rocAuc', 'averagePrecision', 'accuracy']) {
      await assertFigure(page.getByTestId(`metric-${metric}-computed`), summary.metrics[metric], ratio, metric);
      // Every card carries its interval, exactly the summary's, and says how it was computed.
      const interval = summary.intervals[metric];
      const line = page.getByTestId(`metric-${metric}-interval`);
      assert.equal(await line.getAttribute('data-low'), raw(interval.low), `${metric} interval low`);
      assert.equal(await line.getAttribute('data-high'), raw(interval.high), `${metric} interval high`);
      assert.ok((await line.innerText()).startsWith(`95 % interval ${ratio(interval.low)}–${ratio(interval.high)} (`),
        `${metric} interval text`);
      assert.ok((await line.innerText()).endsWith(`, ${interval.images} images)`), `${metric} interval images`);
    }
    const cards = ['f1Score', 'precision', 'recall', 'rocAuc', 'averagePrecision', 'accuracy'];
    const reported = summary.differences.filter((d) => cards.includes(d.metric));
    assert.ok(reported.length > 0, 'the sample has reported figures');
    for (const d of reported) {
      await assertFigure(page.getByTestId(`metric-${d.metric}-reported-${d.source}`), d.reported, ratio,
        `reported ${d.metric} (${d.source})`);
      await assertFigure(page.getByTestId(`metric-${d.metric}-difference-${d.source}`), d.difference, signed,
        `difference ${d.metric} (${d.source})`);
    }
    const reportedImages = summary.differences.find((d) => d.metric === 'images');
    if (reportedImages) {
      await assertFigure(page.getByTestId('count-images-reported'), reportedImages.reported, (v) => String(v),
        'reported images');
    }
    const counts = { tp: 'truePositives', fp: 'falsePositives', tn: 'trueNegatives', fn: 'falseNegatives' };
    for (const [id, key] of Object.entries(counts)) {
      await assertFigure(page.getByTestId(`cm-${id}`), summary.metrics[key], String, key);
    }
    await assertFigure(page.getByTestId('count-images'), summary.metrics.images, String, 'images');
    await assertFigure(page.getByTestId('best-threshold'), summary.bestThreshold.threshold, ratio, 'best threshold');
    await assertFigure(page.getByTestId('best-f1'), summary.bestThreshold.f1Score, ratio, 'best F1');
    for (const id of ['roc-chart', 'pr-chart']) {
      const chart = page.getByTestId(id);
      assert.equal(await chart.getAttribute('role'), 'img');
      const label = await chart.evaluate((svg) => svg.getAttribute('aria-labelledby').split(' ')
        .map((ref) => document.getElementById(ref).textContent).join(' '));
      assert.match(label, /curve/);
      assert.equal(await chart.locator('.marker circle').count(), 1, `${id} marks the best-F1 point`);
    }
    await page.screenshot({ path: screenshotPath('model-circuit-board-2'), fullPage: true });
    // The README's picture (docs/img/dashboard-model.png): the model page down to the curves.
    const curves = await page.locator('section', { has: page.locator('h2', { hasText: 'Curves' }) }).boundingBox();
    await page.screenshot({ path: screenshotPath('readme-model'), fullPage: true,
      clip: { x: 0, y: 0, width: 1280, height: Math.ceil(curves.y + curves.height + 16) } });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the test results list incorrect images first and the filters match the images endpoint', async () => {
    const { page, context, problems } = await openPage();
    await page.goto(`${server.baseUrl}/ui/#/p/circuit-board/v/1`);
    await waitForView(page, 'model');
    const base = '/projects/circuit-board/models/1/images';
    const expectRows = async (outcome) => {
      const body = await api(`${base}?outcome=${outcome}&limit=25`);
      await page.waitForFunction((total) => {
        const el = document.querySelector('[data-testid="images-total"]');
        return el && el.getAttribute('data-value') === String(total)
          && document.querySelectorAll('[data-testid="image-row"]').length > 0 === total > 0;
      }, body.total);
      const rows = page.getByTestId('image-row');
      assert.equal(await rows.count(), body.items.length, `${outcome}: first page`);
      const lines = await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-line'))));
      assert.deepEqual(lines, body.items.map((i) => i.line), `${outcome}: same images in the same order`);
      return { body, rows };
    };
    assert.equal(await page.getByTestId('filter-incorrect').isChecked(), true, 'incorrect is the default');
    const incorrect = await expectRows('incorrect');
    assert.ok(incorrect.body.total > 0, 'version 1 of the sample gets some images wrong');
    const correctness = await incorrect.rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-correct')));
    assert.ok(correctness.every((c) => c === 'false'));

    await page.getByTestId('filter-correct').check();
    const correct = await expectRows('correct');
    const correctFlags = await correct.rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-correct')));
    assert.ok(correctFlags.every((c) => c === 'true'));

    await page.getByTestId('filter-all').check();
    const all = await expectRows('all');
    const { summary } = await api('/projects/circuit-board/models/1');
    assert.equal(all.body.total, summary.metrics.images);
    assert.equal(incorrect.body.total + correct.body.total, all.body.total);
    await assertFigure(page.getByTestId('count-incorrect'), summary.metrics.incorrect, String, 'incorrect count');
    assert.equal(incorrect.body.total, summary.metrics.incorrect);
    if (all.body.next) {
      await page.getByTestId('images-more').click();
      const second = await api(`${base}?outcome=all&limit=25&next=${enc(all.body.next)}`);
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="image-row"]').length === n,
        all.body.items.length + second.items.length);
    }
    await page.screenshot({ path: screenshotPath('test-results-circuit-board-1'), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the compare view of versions 1 and 2 shows both figures and their differences', async () => {
    const { page, context, problems } = await openPage();
    await page.goto(`${server.baseUrl}/ui/#/p/circuit-board/v/2`);
    await waitForView(page, 'model');
    await page.getByTestId('compare-previous').click();
    await waitForView(page, 'compare');
    assert.match(page.url(), /#\/p\/circuit-board\/compare\/1\/2$/);
    const a = (await api('/projects/circuit-board/models/1')).summary.metrics;
    const b = (await api('/projects/circuit-board/models/2')).summary.metrics;
    const comparison = await api('/projects/circuit-board/compare?base=1&candidate=2');
    assert.equal(await page.getByTestId('compare-local').count(), 0, 'the page uses the API\'s comparison');
    const counted = new Set(['images', 'anomalous', 'normal', 'truePositives', 'falsePositives', 'trueNegatives',
      'falseNegatives', 'correct', 'incorrect']);
    assert.ok(comparison.metrics.length >= 10);
    for (const d of comparison.metrics) {
      const format = counted.has(d.metric) ? String : ratio;
      await assertFigure(page.getByTestId(`compare-${d.metric}-base`), d.base, format, `${d.metric} v1`);
      await assertFigure(page.getByTestId(`compare-${d.metric}-candidate`), d.candidate, format, `${d.metric} v2`);
      await assertFigure(page.getByTestId(`compare-${d.metric}-delta`), d.difference,
        counted.has(d.metric) ? signedCount : signed, `${d.metric} change`);
    }
    // The API's differences are the candidate's figures minus the base's, as the two model documents say.
    for (const metric of ['f1Score', 'precision', 'recall', 'rocAuc', 'averagePrecision', 'accuracy']) {
      const shown = await figure(page.getByTestId(`compare-${metric}-delta`));
      assert.equal(shown.text, signed(b[metric] - a[metric]), `${metric} change`);
    }
    for (const metric of ['truePositives', 'falsePositives', 'trueNegatives', 'falseNegatives']) {
      const shown = await figure(page.getByTestId(`compare-${metric}-delta`));
      assert.equal(shown.text, signedCount(b[metric] - a[metric]), `${metric} change`);
    }
    await assertFigure(page.getByTestId('cm-base-tp'), a.truePositives, String, 'v1 TP');
    await assertFigure(page.getByTestId('cm-candidate-tp'), b.truePositives, String, 'v2 TP');
    assert.equal(await page.getByTestId('roc-chart').locator('.series polyline').count() >= 2, true,
      'both ROC curves are drawn');
    // The paired tests are the API's, figure by figure; the samples' versions share all their images.
    assert.ok(comparison.tests, 'the local API pairs the stored per-image results');
    assert.equal(await page.getByTestId('compare-tests-note').count(), 0, 'identical test sets: no warning');
    assert.ok((await page.getByTestId('compare-tests-lead').innerText())
      .startsWith(`On ${comparison.tests.pairedImages} images`));
    for (const m of ['accuracy', 'recall', 'specificity']) {
      await assertFigure(page.getByTestId(`compare-test-${m}-p`), comparison.tests[m].pValue, pValue, `${m} p`);
      await assertFigure(page.getByTestId(`compare-test-${m}-base-only`), comparison.tests[m].baseOnlyRight, String,
        `${m} base only`);
      await assertFigure(page.getByTestId(`compare-test-${m}-candidate-only`), comparison.tests[m].candidateOnlyRight,
        String, `${m} candidate only`);
    }
    for (const m of ['rocAuc', 'f1Score', 'averagePrecision']) {
      await assertFigure(page.getByTestId(`compare-test-${m}-difference`), comparison.tests[m].difference, signed,
        `${m} paired difference`);
      await assertFigure(page.getByTestId(`compare-test-${m}-low`), comparison.tests[m].low, signed, `${m} low`);
    }
    await assertFigure(page.getByTestId('compare-test-rocAuc-p'), comparison.tests.rocAuc.pValue, pValue, 'AUC p');
    // The images behind the McNemar counts open from their disclosure, each with both versions' scores.
    for (const side of ['base', 'candidate']) {
      const expected = comparison.tests.discordantImages.filter((d) => d.rightIn === side);
      const count = side === 'base' ? comparison.tests.accuracy.baseOnlyRight
        : comparison.tests.accuracy.candidateOnlyRight;
      assert.equal(expected.length, count, `${side}: every discordant image is listed`);
      const details = page.getByTestId(`discordant-${side}`);
      assert.equal(await details.getAttribute('open'), null, 'closed until opened');
      await details.locator('summary').click();
      assert.notEqual(await details.getAttribute('open'), null);
      const rows = details.getByTestId('discordant-image');
      assert.equal(await rows.count(), count);
      for (const [i, d] of expected.entries()) {
        assert.equal(await rows.nth(i).getAttribute('data-ref'), d.sourceRef);
        await assertFigure(rows.nth(i).getByTestId('discordant-base-score'), d.baseScore, ratio, 'base score');
        await assertFigure(rows.nth(i).getByTestId('discordant-candidate-score'), d.candidateScore, ratio,
          'candidate score');
      }
    }
    await page.screenshot({ path: screenshotPath('compare-circuit-board-1-2'), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('an inconclusive drop is shown as such, and an alert\'s link opens its version\'s page', async () => {
    const { page, context, problems } = await openPage();
    const model = await api('/projects/tiles/models/2');
    assert.ok(model.inconclusive.length > 0, 'the tiles sample\'s v2 drops are within the noise of its test set');
    // The local mode's alerts link to the page it serves; follow the one of tiles v2.
    const alerts = readFileSync(`${server.state}/alerts.jsonl`, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const alert = alerts.find((a) => a.attributes.project === 'tiles' && a.subject.includes(' v2:'));
    const link = alert.text.match(/^Dashboard: (\S+)$/m)[1];
    assert.equal(link, `${server.baseUrl}/ui/#/p/tiles/v/2`);
    for (const b of model.inconclusive) {
      assert.ok(alert.text.includes(b.message), 'the alert mentions each inconclusive drop');
    }
    await page.goto(link);
    await waitForView(page, 'model');
    assert.equal((await page.locator('h1').textContent()).trim(), 'tiles · version 2');
    const items = page.getByTestId('inconclusive');
    assert.equal(await items.count(), model.inconclusive.length);
    for (const [i, b] of model.inconclusive.entries()) {
      assert.equal(await items.nth(i).getAttribute('data-metric'), b.metric);
      assert.equal((await items.nth(i).innerText()).trim(), `Inconclusive ${b.message}`);
    }
    assert.equal(await page.getByTestId('breach').count(), model.breaches.length, 'breaches listed apart');
    await page.screenshot({ path: screenshotPath('model-tiles-2-inconclusive'), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a segmentation image opens large with both masks in the colour map\'s colours, and each overlay toggles',
    async () => {
      const { page, context, problems } = await openPage();
      await page.goto(`${server.baseUrl}/ui/#/p/cookies/v/1`);
      await waitForView(page, 'model');
      await page.getByTestId('image-row').first().waitFor();
      await page.getByTestId('filter-all').check();
      const listed = (await api('/projects/cookies/models/1/images?outcome=all&limit=25')).items;
      await page.waitForFunction(([n, first]) => document.querySelectorAll('[data-testid="image-row"]').length === n
        && document.querySelector('[data-testid="image-row"]').dataset.line === String(first),
      [listed.length, listed[0].line]);
      const rows = page.getByTestId('image-row');
      // Every listed image has a thumbnail of the listing's link (lazy: the first one in view loads).
      assert.deepEqual(await page.getByTestId('thumb').evaluateAll((imgs) => imgs.map((i) => i.getAttribute('src'))),
        listed.map((i) => i.imageUrl));
      await rows.first().scrollIntoViewIfNeeded();
      await page.waitForFunction(() => {
        const img = document.querySelector('[data-testid="thumb"]');
        return img.complete && img.naturalWidth > 0;
      });
      // An anomalous image found as such: both masks exist.
      const index = listed.findIndex((i) => i.actual === 'anomaly' && i.predicted === 'anomaly');
      const line = listed[index].line;
      const secondLine = listed[index + 1].line;
      const view = await api(`/projects/cookies/models/1/images/${line}`);

      await rows.nth(index).getByTestId('image-open').click();
      const viewer = page.getByTestId('viewer');
      await viewer.waitFor();
      const loaded = (id) => page.waitForFunction((testid) => {
        const img = document.querySelector(`[data-testid="${testid}"]`);
        return img && img.complete && img.naturalWidth > 0;
      }, id);
      await loaded('viewer-image');
      await loaded('viewer-truth-mask');
      await loaded('viewer-predicted-mask');
      assert.equal(await viewer.getAttribute('data-line'), String(line));
      assert.equal(await page.getByTestId('viewer-truth-mask').getAttribute('src'), view.files.truthMask.url);
      assert.equal((await page.getByTestId('viewer-actual').innerText()).trim(), view.image.actual);
      assert.doesNotMatch(await viewer.innerText(), /null/, 'no placeholder text for present masks');

      // The legend's colours are those of the line's colour maps in the manifest itself.
      const manifest = readFileSync(new URL('../../events/artifacts/lfv-samples/cookies/output/'
        + 'EvaluationManifest-cookies-1.json', import.meta.url), 'utf8').split(/\r?\n/);
      const doc = JSON.parse(manifest[line - 1]);
      for (const [side, key] of [['truth', 'anomaly-mask-ref-metadata'], ['predicted',
        'anomaly-mask-ref-detected-metadata']]) {
        const expected = Object.values(doc[key]['internal-color-map'])
          .map((e) => [e['class-name'] || e.name, e['hex-color'].toLowerCase()])
          .filter(([label]) => label !== 'BACKGROUND');
        const shown = await page.getByTestId(`legend-${side}`).locator('li').evaluateAll((items) => items
          .map((li) => [li.dataset.label, li.dataset.colour, getComputedStyle(li.querySelector('.swatch-colour'))
            .backgroundColor]));
        assert.deepEqual(shown.map(([label, colour]) => [label, colour]), expected, `${side} legend`);
        for (const [, colour, painted] of shown) {
          const [r, g, b] = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
          assert.equal(painted, `rgb(${r}, ${g}, ${b})`, 'the swatch is painted in the map\'s colour');
        }
      }
      // Each overlay can be hidden and shown again.
      await page.getByTestId('toggle-truth').uncheck();
      assert.equal(await page.getByTestId('viewer-truth-mask').isVisible(), false);
      assert.equal(await page.getByTestId('viewer-predicted-mask').isVisible(), true);
      await page.getByTestId('toggle-truth').check();
      assert.equal(await page.getByTestId('viewer-truth-mask').isVisible(), true);
      await page.screenshot({ path: screenshotPath('viewer-cookies'), fullPage: false });

      await page.getByTestId('viewer-next').click();
      await page.waitForFunction((l) => document.getElementById('image-viewer').dataset.line === String(l),
        secondLine);
      await page.getByTestId('viewer-close').click();
      assert.equal(await viewer.isVisible(), false);
      assert.deepEqual(problems.filter((p) => !p.includes('404')), []);
      await context.close();
    });

  test('an image that cannot be loaded shows a placeholder that says why, in the list and in the viewer', async () => {
    const { page, context } = await openPage();
    // The files are there in the sample; make them fail as an expired link or a deleted object would.
    await page.route('**/files/lfv-samples/circuit-board/test/**', (route) => route.fulfill({ status: 404 }));
    await page.goto(`${server.baseUrl}/ui/#/p/circuit-board/v/1`);
    await waitForView(page, 'model');
    const row = page.getByTestId('image-row').first();
    await row.getByTestId('thumb-missing').waitFor();
    assert.equal((await row.getByTestId('thumb-missing').innerText()).trim(), 'no image');
    await row.getByTestId('image-open').click();
    const missing = page.getByTestId('viewer-image-missing');
    await missing.waitFor();
    assert.match(await missing.innerText(), /^The image could not be loaded \(the link may have expired, or the file is gone\): s3:\/\/lfv-samples\/circuit-board\/test\//);
    await context.close();
  });

  test('a segmentation model shows its per-label table as the API reports it', async () => {
    const { page, context, problems } = await openPage();
    const { projects } = await api('/projects');
    const cookies = projects.find((p) => p.project === 'cookies');
    assert.ok(cookies, 'the samples hold the cookies project');
    await page.goto(`${server.baseUrl}/ui/#/p/cookies/v/${cookies.latestVersion}`);
    await waitForView(page, 'model');
    const { summary } = await api(`/projects/cookies/models/${cookies.latestVersion}`);
    assert.equal(summary.modelType, 'SEGMENTATION');
    assert.ok(summary.labels.length > 0);
    for (const label of summary.labels) {
      const row = page.locator(`[data-testid="label-row"][data-label="${label.name}"]`);
      assert.equal(await row.count(), 1, `a row for ${label.name}`);
      await assertFigure(row.getByTestId('label-groundTruthImages'), label.groundTruthImages, String, 'gt images');
      await assertFigure(row.getByTestId('label-predictedImages'), label.predictedImages, String, 'pred images');
      for (const key of ['precision', 'recall', 'f1Score', 'averageIou']) {
        await assertFigure(row.getByTestId(`label-${key}`), label[key], ratio, `${label.name} ${key}`);
      }
    }
    await page.screenshot({ path: screenshotPath('model-cookies'), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a model trained on SageMaker shows its training job, and a version without a transform yet is pending',
    async () => {
      const { page, context, problems } = await openPage();
      const tiles = await api('/projects/tiles/models/1');
      assert.equal(tiles.training.name, 'tiles-segmentation-a1b2');
      await page.goto(`${server.baseUrl}/ui/#/p/tiles/v/1`);
      await waitForView(page, 'model');
      const facts = await page.getByTestId('training-facts').textContent();
      assert.ok(facts.includes(tiles.training.name), 'the job name is shown');
      assert.ok(facts.includes(tiles.training.channels.test), 'the test manifest is shown');
      assert.equal(await page.locator('[data-testid="no-summary"]').count(), 0, 'version 1 has its evaluation');

      const pending = await api('/projects/tiles/models/3');
      assert.equal(pending.badge, 'pending');
      assert.equal(pending.summary, null);
      await page.goto(`${server.baseUrl}/ui/#/p/tiles/v/3`);
      await waitForView(page, 'model');
      assert.match(await page.getByTestId('no-summary').textContent(), /evaluation pending/i);
      assert.ok((await page.getByTestId('training-facts').textContent()).includes('tiles-segmentation-c3d4'));
      await page.goto(`${server.baseUrl}/ui/`);
      await waitForView(page, 'projects');
      const row = page.locator('[data-testid="project-row"][data-project="tiles"]');
      assert.equal(await row.getByTestId('project-badge').getAttribute('data-value'), 'pending');
      assert.match(await row.getByTestId('project-badge').textContent(), /Evaluation pending/);
      await page.screenshot({ path: screenshotPath('projects-sagemaker'), fullPage: true });
      assert.deepEqual(problems, []);
      await context.close();
    });

  test('on a 360 px wide screen nothing scrolls sideways and the figures stay readable', async () => {
    const { page, context, problems } = await openPage({ viewport: { width: 360, height: 740 } });
    for (const [hash, view] of [['#/', 'projects'], ['#/p/circuit-board', 'project'],
      ['#/p/circuit-board/v/2', 'model'], ['#/p/circuit-board/compare/1/2', 'compare']]) {
      await page.goto(`${server.baseUrl}/ui/${hash}`);
      await waitForView(page, view);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 360, `${hash} is ${width} px wide`);
      await page.screenshot({ path: screenshotPath(`narrow-${view}`), fullPage: true });
    }
    const card = await page.goto(`${server.baseUrl}/ui/#/p/circuit-board/v/2`).then(() => waitForView(page, 'model'))
      .then(() => page.getByTestId('metric-f1Score-computed').boundingBox());
    assert.ok(card.x >= 0 && card.x + card.width <= 360, 'the F1 card is on screen');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the keyboard alone reaches a project and a model, with a visible focus', async () => {
    const { page, context } = await openPage();
    await page.goto(`${server.baseUrl}/ui/`);
    await waitForView(page, 'projects');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
    const tabTo = async (predicate, what) => {
      for (let i = 0; i < 40; i += 1) {
        await page.keyboard.press('Tab');
        if (await page.evaluate(predicate)) {
          return;
        }
      }
      assert.fail(`Tab never reached ${what}`);
    };
    await tabTo(() => document.activeElement.getAttribute('data-testid') === 'project-link'
      && document.activeElement.textContent === 'circuit-board', 'the circuit-board link');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(outline, 'none', 'the focused link shows a focus ring');
    await page.keyboard.press('Enter');
    await waitForView(page, 'project');
    assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H1', 'focus moves to the new heading');
    await tabTo(() => document.activeElement.getAttribute('data-testid') === 'model-link'
      && document.activeElement.textContent === 'Version 1', 'the version 1 link');
    await page.keyboard.press('Enter');
    await waitForView(page, 'model');
    assert.equal((await page.locator('h1').textContent()).trim(), 'circuit-board · version 1');
    await tabTo(() => document.activeElement.getAttribute('data-testid') === 'filter-incorrect', 'the filter');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector('[data-testid="filter-correct"]').checked);
    await context.close();
  });

  test('every chart and form control is labelled for assistive technology', async () => {
    const { page, context } = await openPage();
    for (const [hash, view] of [['#/p/circuit-board', 'project'], ['#/p/circuit-board/v/2', 'model'],
      ['#/p/circuit-board/compare/1/2', 'compare']]) {
      await page.goto(`${server.baseUrl}/ui/${hash}`);
      await waitForView(page, view);
      const unlabelled = await page.evaluate(() => {
        const missing = [];
        document.querySelectorAll('svg').forEach((svg) => {
          if (svg.closest('[aria-hidden="true"]')) {
            return;
          }
          const ids = (svg.getAttribute('aria-labelledby') || '').split(' ').filter(Boolean);
          const text = ids.map((id) => document.getElementById(id)?.textContent || '').join(' ').trim();
          if (svg.getAttribute('role') !== 'img' || text.length < 10) {
            missing.push(svg.outerHTML.slice(0, 80));
          }
        });
        document.querySelectorAll('input, select').forEach((input) => {
          if (!input.labels || input.labels.length === 0) {
            missing.push(input.outerHTML);
          }
        });
        return missing;
      });
      assert.deepEqual(unlabelled, [], `${hash}`);
      assert.equal(await page.locator('h1').count(), 1, `${hash} has one h1`);
    }
    await context.close();
  });

  test('all text meets WCAG AA contrast on every view', async () => {
    const { page, context } = await openPage();
    for (const [hash, view] of [['#/', 'projects'], ['#/p/circuit-board', 'project'],
      ['#/p/circuit-board/v/2', 'model'], ['#/p/cookies/v/1', 'model'], ['#/p/circuit-board/compare/1/2', 'compare']]) {
      await page.goto(`${server.baseUrl}/ui/${hash}`);
      await waitForView(page, view);
      await page.waitForSelector('[data-testid="image-row"], [data-testid="compare-table"], .project-list, .panel');
      const failures = await page.evaluate(() => {
        const parse = (text) => {
          const m = /rgba?\(([^)]+)\)/.exec(text || '');
          if (!m) {
            return null;
          }
          const parts = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
          return { r: parts[0], g: parts[1], b: parts[2], a: parts.length > 3 ? parts[3] : 1 };
        };
        const luminance = ({ r, g, b }) => {
          const f = (v) => {
            const c = v / 255;
            return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
          };
          return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
        };
        const backgroundOf = (el) => {
          for (let e = el; e; e = e.parentElement) {
            const c = parse(getComputedStyle(e).backgroundColor);
            if (c && c.a > 0) {
              return c;
            }
          }
          return { r: 255, g: 255, b: 255, a: 1 };
        };
        const found = [];
        const seen = new Set();
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
          const el = walker.currentNode.parentElement;
          if (!walker.currentNode.textContent.trim() || seen.has(el) || el.closest('noscript, title, desc')
            || el.closest('button:disabled')) {
            continue;
          }
          seen.add(el);
          const rect = el.getBoundingClientRect();
          const style = getComputedStyle(el);
          if (rect.width === 0 || rect.height === 0 || style.visibility === 'hidden') {
            continue;
          }
          const svg = el instanceof SVGElement;
          const fg = parse(svg ? style.fill : style.color);
          const bg = svg ? backgroundOf(el.ownerSVGElement) : backgroundOf(el);
          const [hi, lo] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
          const contrast = (hi + 0.05) / (lo + 0.05);
          const size = parseFloat(style.fontSize);
          const large = !svg && (size >= 24 || (Number(style.fontWeight) >= 700 && size >= 18.66));
          if (contrast < (large ? 3 : 4.5)) {
            found.push(`${el.tagName} "${el.textContent.trim().slice(0, 30)}" ${contrast.toFixed(2)}:1`);
          }
        }
        return found;
      });
      assert.deepEqual(failures, [], `${hash}`);
    }
    await context.close();
  });

  test('an unknown project shows the API\'s error instead of a blank page', async () => {
    const { page, context } = await openPage();
    await page.goto(`${server.baseUrl}/ui/#/p/no-such-project/v/1`);
    await waitForView(page, 'model');
    const error = page.getByTestId('error');
    assert.equal(await error.getAttribute('role'), 'alert');
    assert.match(await error.textContent(), /HTTP 404/);
    await context.close();
  });

  test('through `lfv-metrics dashboard` the page is served and its API calls are forwarded to the API', async () => {
    const proxy = await startSigningProxy(server.baseUrl);
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const { projects } = await api('/projects');
      await page.goto(`${proxy.baseUrl}/ui/`);
      await waitForView(page, 'projects');
      for (const project of projects) {
        const row = page.locator(`[data-testid="project-row"][data-project="${project.project}"]`);
        await assertFigure(row.getByTestId('headline-f1Score'), project.headline.f1Score, ratio,
          `${project.project} F1 through the proxy`);
      }
      await page.locator('[data-project="circuit-board"]').getByTestId('latest-link').click();
      await waitForView(page, 'model');
      const model = await api(`/projects/circuit-board/models/latest`);
      await assertFigure(page.getByTestId('metric-f1Score-computed'), model.summary.metrics.f1Score, ratio, 'F1');
      await context.close();
    } finally {
      await proxy.stop();
    }
  });
});
