// Sentences for a version that is live without a review (live from before reviews existed): the words shown beside
// it on every page, and the next step for the people who may submit a version (owners and analysts). Pure.
import { LIVE_WITHOUT_REVIEW_WORDS } from "./governance-words";

/** The words beside such a version, wherever it is shown. */
export const LIVE_WITHOUT_REVIEW_LABEL = "Live without a review";

/** What the words mean, for a screen reader and a tooltip. */
export const LIVE_WITHOUT_REVIEW_MEANING = LIVE_WITHOUT_REVIEW_WORDS;

export interface LiveWithoutReviewStep {
  /** one sentence: what to do */
  text: string;
  /** the link's words */
  link: string;
  /** a version to open (its page has the submit button), or null: add a new version on the model's page */
  version: number | null;
}

/**
 * The next step for an owner or analyst: a version already in review waits for its reviewers; else the newest draft
 * is submitted; else a new version is added. The live version itself stays live until one of them replaces it.
 */
export function liveWithoutReviewStep(p: { live: number; inReview: readonly number[]; drafts: readonly number[] }): LiveWithoutReviewStep {
  const newest = (list: readonly number[]) => (list.length ? Math.max(...list) : null);
  const inReview = newest(p.inReview);
  if (inReview !== null) {
    return { text: `Version ${inReview} is in review. Once it is approved, make it live in place of version ${p.live}.`, link: `Open version ${inReview}`, version: inReview };
  }
  const draft = newest(p.drafts);
  if (draft !== null) {
    return { text: `Submit version ${draft} for review, so that the version in use has a sign-off.`, link: `Submit version ${draft} for review`, version: draft };
  }
  return { text: `Add the next version and submit it for review, so that the version in use has a sign-off.`, link: "Add a version to review", version: null };
}
