// The job kinds, in one place: the data layer queues them and lib/evaluation handles them.
export const DATA_JOB = "data.ingest";
export const LABELS_JOB = "data.labels";
export const VERSION_JOB = "version.evaluate";
/** Re-judges a model's stored windows (after a policy change, or when an owner asks to evaluate again). */
export const REJUDGE_JOB = "model.rejudge";
