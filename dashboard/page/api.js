// The query API client. Same origin, absolute paths: the page works behind the API, the local mode and the
// `lfv-metrics dashboard` signing proxy alike.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

const enc = encodeURIComponent;

async function getJson(path) {
  let response;
  try {
    response = await fetch(path, { headers: { Accept: 'application/json' } });
  } catch (cause) {
    throw new ApiError(0, 'NETWORK', `The API could not be reached (${path}).`);
  }
  let body = null;
  try {
    body = await response.json();
  } catch (cause) {
    body = null;
  }
  if (!response.ok) {
    const error = body && body.error ? body.error : {};
    throw new ApiError(response.status, error.code || `Http${response.status}`,
      error.message || `${response.status} ${response.statusText} from ${path}`);
  }
  if (body === null) {
    throw new ApiError(response.status, 'BAD_RESPONSE', `The API sent no JSON for ${path}.`);
  }
  return body;
}

function query(params) {
  const parts = Object.entries(params)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([key, value]) => `${enc(key)}=${enc(value)}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

export const api = {
  projects: () => getJson('/projects'),
  model: (project, version) => getJson(`/projects/${enc(project)}/models/${enc(version)}`),
  latest: (project) => getJson(`/projects/${enc(project)}/models/latest`),
  models: (project, next, limit) => getJson(`/projects/${enc(project)}/models${query({ limit, next })}`),
  images: (project, version, outcome, next, limit) =>
    getJson(`/projects/${enc(project)}/models/${enc(version)}/images${query({ outcome, limit, next })}`),
  image: (project, version, line) =>
    getJson(`/projects/${enc(project)}/models/${enc(version)}/images/${enc(line)}`),
  compare: (project, base, candidate) =>
    getJson(`/projects/${enc(project)}/compare${query({ base, candidate })}`),
  thresholds: (project) => getJson(`/projects/${enc(project)}/thresholds`),
};

/** Every model version of a project, newest first, following the pagination tokens (bounded). */
export async function allModels(project) {
  const items = [];
  let next = null;
  for (let page = 0; page < 50; page += 1) {
    const body = await api.models(project, next, 100);
    items.push(...(body.items || []));
    next = body.next;
    if (!next) {
      break;
    }
  }
  return items;
}
