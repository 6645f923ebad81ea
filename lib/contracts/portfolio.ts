// The portfolio (the home page): one card per model, as lib/db/portfolio.ts builds it and components/portfolio shows
// it. A plain data shape (no I/O): any layer may import it.
import type { Light, NextStep, Task } from "./snapshot-types";

/** One point of the card's sparkline: the primary metric on one production window (oldest first). */
export interface SparkPoint {
  windowLabel: string;
  /** null when the window could not be judged (too few labelled rows, no labels yet) */
  value: number | null;
}

/** What the card knows about the model's data, so the page can say what awaits the reader. */
export interface PortfolioFacts {
  versionCount: number;
  /** versions whose status is in_review */
  inReview: number[];
  /** versions whose status is draft or changes_requested */
  drafts: number[];
  hasReference: boolean;
  productionWindows: number;
}

export interface PortfolioCard {
  id: string;
  name: string;
  purpose: string;
  task: Task;
  /** what one row is, in the owner's words ("applicants") */
  rowNoun: string;
  liveVersion: number | null;
  /** the live version went live before reviews existed, without one (absent: false) */
  liveWithoutReview?: boolean;
  /** the version whose results the card shows (the live one, else the newest not rejected or retired) */
  shownVersion: number | null;
  light: Light;
  /** the latest window's headline sentence, or null when nothing was judged yet */
  sentence: string | null;
  /** the latest judged window's label ("2026-07"), null without one */
  latestWindow: string | null;
  /** the overall verdict's next step as the snapshot words it, else null */
  nextSentence: string | null;
  /** the overall verdict's next step as data (version 2 snapshots), else null */
  next: NextStep | null;
  metric: { name: string; higherIsBetter: boolean; reference: number | null; points: SparkPoint[] };
  facts: PortfolioFacts;
}

/** A workspace role (lib/auth/permissions' ROLES). */
export type PortfolioRole = "owner" | "reviewer" | "analyst" | "viewer";

export interface Portfolio {
  workspaceName: string;
  role: PortfolioRole;
  /** worst light first (red, amber, gray, green), then by name */
  cards: PortfolioCard[];
}
