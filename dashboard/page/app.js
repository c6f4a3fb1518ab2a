// Hash router: #/, #/p/<project>, #/p/<project>/v/<version>, #/p/<project>/compare/<base>/<candidate>.
import { h, append } from './dom.js';
import { renderProjects } from './views/projects.js';
import { renderProject } from './views/project.js';
import { renderModel } from './views/model.js';
import { renderCompare } from './views/compare.js';
import { errorBox, projectHref, modelHref } from './components.js';

const main = document.getElementById('main');
const breadcrumb = document.getElementById('breadcrumb');
let renderCount = 0;

function parse(hash) {
  const parts = hash.replace(/^#\/?/, '').split('/').filter((p) => p.length > 0).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch (error) {
      return p;
    }
  });
  if (parts.length === 0) {
    return { view: 'projects' };
  }
  if (parts[0] === 'p' && parts.length === 2) {
    return { view: 'project', project: parts[1] };
  }
  if (parts[0] === 'p' && parts.length === 4 && parts[2] === 'v') {
    return { view: 'model', project: parts[1], version: parts[3] };
  }
  if (parts[0] === 'p' && parts.length === 5 && parts[2] === 'compare') {
    return { view: 'compare', project: parts[1], base: parts[3], candidate: parts[4] };
  }
  return { view: 'unknown' };
}

function crumbs(route) {
  const items = [h('li', {}, h('a', { href: '#/' }, 'Projects'))];
  if (route.project) {
    items.push(h('li', {}, h('a', { href: projectHref(route.project) }, route.project)));
  }
  if (route.view === 'model') {
    items.push(h('li', {}, h('a', { href: modelHref(route.project, route.version) }, `v${route.version}`)));
  }
  if (route.view === 'compare') {
    items.push(h('li', {}, `v${route.base} → v${route.candidate}`));
  }
  const last = items[items.length - 1];
  const link = last.querySelector('a');
  if (link) {
    link.setAttribute('aria-current', 'page');
  }
  return h('ol', {}, items);
}

async function viewFor(route) {
  switch (route.view) {
    case 'projects':
      return renderProjects();
    case 'project':
      return renderProject(route.project);
    case 'model':
      return renderModel(route.project, route.version);
    case 'compare':
      return renderCompare(route.project, route.base, route.candidate);
    default: {
      const heading = h('h1', { tabindex: '-1' }, 'Page not found');
      return { title: 'Not found', heading,
        content: [heading, h('p', {}, 'No such page. ', h('a', { href: '#/' }, 'Back to the projects.'))] };
    }
  }
}

async function render(initial) {
  renderCount += 1;
  const mine = renderCount;
  const route = parse(window.location.hash);
  breadcrumb.replaceChildren(crumbs(route));
  main.setAttribute('aria-busy', 'true');
  let result;
  try {
    result = await viewFor(route);
  } catch (error) {
    const heading = h('h1', { tabindex: '-1' }, 'Something went wrong');
    result = { title: 'Error', heading, content: [heading, errorBox(error)] };
  }
  if (mine !== renderCount) {
    return;
  }
  main.replaceChildren();
  append(main, result.content);
  main.removeAttribute('aria-busy');
  main.dataset.view = route.view;
  document.title = `${result.title} · lfv-metrics`;
  // Moving focus to the new heading tells screen-reader and keyboard users that the page changed.
  if (!initial && result.heading) {
    result.heading.focus();
  }
  window.scrollTo(0, 0);
}

window.addEventListener('hashchange', () => render(false));
render(true);
