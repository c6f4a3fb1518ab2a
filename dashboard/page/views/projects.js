// The project list: each project's latest model with its headline figures and badge.
import { h } from '../dom.js';
import { api } from '../api.js';
import { ratio, count, when } from '../format.js';
import { badge, figure, projectHref, modelHref } from '../components.js';

const HEADLINE = [['f1Score', 'F1'], ['precision', 'Precision'], ['recall', 'Recall'], ['rocAuc', 'ROC AUC']];

export async function renderProjects() {
  const body = await api.projects();
  const projects = body.projects || [];
  const heading = h('h1', { tabindex: '-1' }, 'Projects');
  if (projects.length === 0) {
    return { title: 'Projects', heading, content: [heading,
      h('p', { class: 'empty', 'data-testid': 'no-projects' },
        'No model evaluations yet. They appear here once the pipeline has ingested a model\'s evaluation files.')] };
  }
  const list = h('ul', { class: 'project-list', 'data-testid': 'project-list' }, projects.map((p) => {
    const headline = p.headline || {};
    return h('li', { class: 'project-card', 'data-testid': 'project-row', 'data-project': p.project },
      h('div', { class: 'project-head' },
        h('h2', {}, h('a', { href: projectHref(p.project), 'data-testid': 'project-link' }, p.project)),
        badge(p.badge, 'project-badge')),
      h('p', { class: 'muted' },
        'Latest: ', h('a', { href: modelHref(p.project, p.latestVersion), 'data-testid': 'latest-link',
          'aria-label': `${p.project} version ${p.latestVersion}` }, `version ${p.latestVersion}`),
        ` · ${p.status || 'unknown status'} · evaluated ${when(p.evaluatedAt)}`),
      h('dl', { class: 'headline' },
        HEADLINE.map(([key, label]) => h('div', {},
          h('dt', {}, label), h('dd', {}, figure(headline[key], `headline-${key}`, ratio)))),
        h('div', {}, h('dt', {}, 'Test images'), h('dd', {}, figure(headline.images, 'headline-images', count)))));
  }));
  return { title: 'Projects', heading, content: [heading, list] };
}
