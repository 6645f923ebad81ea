// The words of the portfolio (home page): the light in one word, what awaits the reader given their role, the
// empty state, and the sparkline's text for screen readers. Pure.
import type { PortfolioCard, PortfolioRole } from "@/lib/contracts/portfolio";
import type { Light } from "@/lib/contracts/snapshot-types";
import { formatCount } from "./format-number";
import { metricName } from "./metric-words";
import { metricOverTimeSummary } from "./metric-over-time-summary";
import { nextStepSentence } from "./next-step";
import { windowName } from "./window-words";

/** The light in one word or two, so it never rests on colour alone. */
export const LIGHT_WORDS: Record<Light, string> = {
  green: "Healthy",
  amber: "Check",
  red: "Action needed",
  gray: "Not judged",
};

export function portfolioLead(workspaceName: string): string {
  return `Each card tells you if a model of ${workspaceName} is healthy, fair and safe to ship. The worst come first.`;
}

const canReview = (role: PortfolioRole) => role === "owner" || role === "reviewer";
const canUpload = (role: PortfolioRole) => role === "owner" || role === "analyst";

function versionList(versions: readonly number[]): string {
  if (versions.length === 1) return `Version ${versions[0]}`;
  const head = versions.slice(0, -1).join(", ");
  return `Versions ${head} and ${versions[versions.length - 1]}`;
}

type Facts = Pick<PortfolioCard, "facts" | "light" | "next" | "rowNoun">;

/** What waits for the person reading the card, in the words of their role. One or two short sentences. */
export function awaitsYou(role: PortfolioRole, card: Facts): string {
  const { facts } = card;
  if (canReview(role) && facts.inReview.length > 0) {
    return `${versionList(facts.inReview)} ${facts.inReview.length === 1 ? "waits" : "wait"} for your review.`;
  }
  if (canUpload(role)) {
    if (facts.versionCount === 0) return "Upload the model file (.onnx) to start.";
    if (!facts.hasReference) return "Upload the reference data: the rows the model was checked on, with their true outcomes.";
    if (facts.productionWindows === 0) return `Upload a batch of recent ${card.rowNoun} to see how the model does now.`;
    if (card.light !== "green" && card.next && card.next.kind !== "none") return nextStepSentence(card.next, card.rowNoun);
    if (facts.drafts.length > 0) return `${versionList(facts.drafts)} ${facts.drafts.length === 1 ? "is a draft" : "are drafts"}, not yet sent for review.`;
    return "Nothing waits for you. Upload new data when it arrives.";
  }
  if (role === "reviewer") {
    if (facts.productionWindows === 0) return "Nothing to review yet. An analyst adds the model and its data first.";
    if (card.light === "red" || card.light === "amber") return "Nothing waits for your review. Read why the light is not green before the next sign-off.";
    return "Nothing waits for your review.";
  }
  if (facts.productionWindows === 0) return "No results yet. An analyst or owner adds the data.";
  if (card.light === "red" || card.light === "amber") return "Open the model to read what changed and who can act on it.";
  return "Nothing to do. Open the model to read its results.";
}

/** The empty portfolio: a title and what to do next, in the words of the role. */
export function emptyPortfolio(role: PortfolioRole): { title: string; body: string } {
  if (canUpload(role)) {
    return {
      title: "No models yet",
      body: "Add a model: give it a name and say what it decides. Then upload its file and the data it was checked on.",
    };
  }
  if (role === "reviewer") {
    return { title: "No models yet", body: "Nothing to review yet. When an analyst adds a model and sends a version for review, it shows here." };
  }
  return { title: "No models yet", body: "There is nothing to read yet. When an analyst or owner adds a model, its health shows here." };
}

/** "Live: version 1", "No version is live yet". */
export function liveVersionWords(liveVersion: number | null): string {
  return liveVersion === null ? "No version is live yet" : `Live: version ${liveVersion}`;
}

/** The line under the sparkline: when the last data is from, and which version judged it when that is not the live one. */
export function latestDataWords(latestWindow: string | null, shownVersion: number | null, liveVersion: number | null): string | null {
  if (latestWindow === null || shownVersion === null) return null;
  const month = windowName(latestWindow);
  return shownVersion === liveVersion ? `The last data is from ${month}.` : `The last data is from ${month}. Version ${shownVersion} judged it.`;
}

/**
 * The card's sentence: the headline of the latest result without its next step (the card says that under "For
 * you"), at most two sentences.
 */
export function cardSentence(headline: string, nextStep: string | null): string {
  const sentences = headline.split(/(?<=[.!?])\s+(?=[A-Z])/).filter((s) => s.trim() !== "" && s.trim() !== nextStep?.trim());
  const kept = sentences.slice(0, 2).join(" ");
  return kept || headline;
}

/** The card's sentence when nothing was judged yet. */
export function notJudgedSentence(card: Pick<PortfolioCard, "facts" | "rowNoun">): string {
  if (card.facts.versionCount === 0) return "No model file yet, so there is nothing to judge.";
  if (!card.facts.hasReference) return "No reference data yet, so there is nothing to compare with.";
  return `No recent ${card.rowNoun} yet, so there is nothing to judge.`;
}

/** The sparkline's short name: "ROC AUC in 6 periods". */
export function sparklineLabel(metric: string, periods: number): string {
  return `${metricName(metric)} in ${formatCount(periods)} ${periods === 1 ? "period" : "periods"}`;
}

/** The sparkline in words (for screen readers and as its text alternative). */
export function sparklineSummary(card: Pick<PortfolioCard, "metric">): string {
  const { metric } = card;
  return metricOverTimeSummary({ metric: metric.name, higherIsBetter: metric.higherIsBetter, points: metric.points, reference: metric.reference });
}

/** The words of the search and filter above the cards (shown with more than six models). */
export const PORTFOLIO_FILTER_WORDS = {
  search: "Search by name or purpose",
  light: "Show",
  all: "All models",
  apply: "Show models",
  none: "No model matches. Clear the search or pick another light.",
  shown: (shown: number, total: number) => (shown === total ? `All ${formatCount(total)} models are shown.` : `You see ${formatCount(shown)} of ${formatCount(total)} models.`),
} as const;

/** More than this many models bring the search and filter. */
export const PORTFOLIO_FILTER_FROM = 7;

/** Small labels on a card. */
export const PORTFOLIO_CARD_WORDS = {
  in: "in",
  dashed: "dashed line: reference data",
  noSeries: "No periods judged yet.",
  forYou: "For you:",
} as const;
