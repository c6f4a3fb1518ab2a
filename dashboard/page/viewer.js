// The image viewer: one test image large, its ground-truth and predicted masks overlaid in the labels' colours
// (each can be hidden), the legend, the classes and the score, and previous / next over the listed images. The
// masks are drawn with multiply blending: their white background leaves the picture as it is, a label's colour
// tints it. Image bytes never pass through the API: it answers with short-lived links, or why there is none.
import { h } from './dom.js';
import { api } from './api.js';
import { ratio } from './format.js';

function placeholder(testid, text) {
  return h('p', { class: 'placeholder', 'data-testid': testid }, text);
}

/** An <img> of a link, or a placeholder that says why there is none or why it did not load. */
function picture(link, cls, testid, alt) {
  if (!link || !link.url) {
    return placeholder(`${testid}-missing`, link ? `No ${alt}: ${link.reason}.` : `No ${alt}.`);
  }
  const img = h('img', { src: link.url, class: cls, alt, 'data-testid': testid, 'data-ref': link.ref });
  img.addEventListener('error', () => img.replaceWith(placeholder(`${testid}-missing`,
    `The ${alt} could not be loaded (the link may have expired, or the file is gone): ${link.ref}`)));
  return img;
}

function legendList(title, entries, side) {
  return h('div', { class: 'viewer-legend' }, h('h3', {}, title),
    entries.length === 0 ? h('p', { class: 'muted' }, 'No label: all background.')
      : h('ul', { 'data-testid': `legend-${side}` }, entries.map((e) => h('li', { 'data-label': e.label,
        'data-colour': e.colour }, h('span', { class: 'swatch-colour', style: `background:${e.colour}`,
        'aria-hidden': 'true' }), e.label))));
}

function toggle(id, label, overlay) {
  const input = h('input', { type: 'checkbox', id, checked: true, 'data-testid': id, disabled: !overlay });
  input.addEventListener('change', () => {
    if (overlay) {
      overlay.hidden = !input.checked;
    }
  });
  return h('span', { class: 'radio' }, input, h('label', { for: id }, label));
}

async function fill(dialog, project, version, rows, index) {
  const row = rows[index];
  const body = dialog.querySelector('.viewer-body');
  body.replaceChildren(h('p', { class: 'muted', role: 'status' }, 'Loading the image…'));
  let view;
  try {
    view = await api.image(project, version, row.line);
  } catch (error) {
    body.replaceChildren(placeholder('viewer-error', `Could not load line ${row.line}: ${error.message}`));
    return;
  }
  const image = view.image;
  const base = picture(view.files.image, 'viewer-image', 'viewer-image', 'image');
  const truth = view.files.truthMask ? picture(view.files.truthMask, 'viewer-mask', 'viewer-truth-mask',
    'ground-truth mask') : null;
  const predicted = view.files.predictedMask ? picture(view.files.predictedMask, 'viewer-mask',
    'viewer-predicted-mask', 'predicted mask') : null;
  const overlay = (node) => (node && node.tagName === 'IMG' ? node : null);
  const prev = h('button', { type: 'button', class: 'secondary', 'data-testid': 'viewer-previous',
    disabled: index === 0 }, '← Previous');
  const next = h('button', { type: 'button', class: 'secondary', 'data-testid': 'viewer-next',
    disabled: index === rows.length - 1 }, 'Next →');
  prev.addEventListener('click', () => fill(dialog, project, version, rows, index - 1));
  next.addEventListener('click', () => fill(dialog, project, version, rows, index + 1));
  dialog.querySelector('h2').textContent = `Line ${image.line}: ${image.sourceRef}`;
  dialog.dataset.line = String(image.line);
  // replaceChildren would write a null as the text "null": only real nodes go in.
  body.replaceChildren(...[
    h('div', { class: 'viewer-stage', 'data-testid': 'viewer-stage' }, base,
      overlay(truth), overlay(predicted)),
    truth && !overlay(truth) ? truth : null,
    predicted && !overlay(predicted) ? predicted : null,
    h('div', { class: 'viewer-controls' },
      toggle('toggle-truth', 'Ground-truth mask', overlay(truth)),
      toggle('toggle-predicted', 'Predicted mask', overlay(predicted))),
    h('div', { class: 'viewer-legends' },
      legendList('Ground truth', view.legend.truth || [], 'truth'),
      legendList('Prediction', view.legend.predicted || [], 'predicted')),
    h('dl', { class: 'facts', 'data-testid': 'viewer-facts' },
      h('dt', {}, 'Actual'), h('dd', { 'data-testid': 'viewer-actual' }, image.actual),
      h('dt', {}, 'Predicted'), h('dd', { 'data-testid': 'viewer-predicted' }, image.predicted),
      h('dt', {}, 'Confidence'), h('dd', {}, ratio(image.confidence)),
      h('dt', {}, 'Anomaly score'), h('dd', {}, ratio(image.anomalyScore)),
      h('dt', {}, 'Outcome'), h('dd', {}, image.correct ? '✓ correct' : '✗ incorrect')),
    h('div', { class: 'viewer-nav' }, prev, h('span', { class: 'muted' }, `${index + 1} of ${rows.length}`), next),
  ].filter(Boolean));
}

/** Opens the viewer on rows[index] (the images the test results list shows, in their order). */
export function openViewer(project, version, rows, index) {
  let dialog = document.getElementById('image-viewer');
  if (!dialog) {
    const close = h('button', { type: 'button', class: 'secondary', 'data-testid': 'viewer-close' }, 'Close');
    dialog = h('dialog', { id: 'image-viewer', class: 'viewer', 'aria-labelledby': 'image-viewer-title',
      'data-testid': 'viewer' }, h('div', { class: 'viewer-head' }, h('h2', { id: 'image-viewer-title' }), close),
    h('div', { class: 'viewer-body' }));
    close.addEventListener('click', () => dialog.close());
    document.body.append(dialog);
  }
  if (!dialog.open) {
    dialog.showModal();
  }
  return fill(dialog, project, version, rows, index);
}
