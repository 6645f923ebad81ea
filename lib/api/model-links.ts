// Where a model's resources live, for API answers that describe a model.

/** Links of a model: its page in the app and the API paths that act on it. */
export interface ModelLinks {
  self: string;
  page: string;
  versions: string;
  data: string;
  labels: string;
  snapshots: string;
  latestSnapshot: string;
  live: string;
}

export function modelLinks(modelId: string): ModelLinks {
  const id = encodeURIComponent(modelId);
  const api = `/api/v1/models/${id}`;
  return {
    self: api,
    page: `/models/${id}`,
    versions: `${api}/versions`,
    data: `${api}/data`,
    labels: `${api}/labels`,
    snapshots: `${api}/snapshots`,
    latestSnapshot: `${api}/snapshots/latest`,
    live: `${api}/live`,
  };
}
