// The portfolio's pure parts: worst-first order, the search and light filter read from the address, the card's
// sentence without its next step, what awaits each role, and the glossary's anchors.
import { describe, expect, it, vi } from "vitest";
import { countByLight, filterCards, portfolioQuerySchema } from "@/components/portfolio/filter-cards";
import type { PortfolioCard } from "@/lib/contracts/portfolio";
import { APP_TERMS, GLOSSARY, HELP_TERMS, METRIC_TERMS, awaitsYou, cardSentence, helpTermsSorted, termAnchor, termHref } from "@/lib/narrative";

vi.mock("server-only", () => ({}));
const { compareWorstFirst } = await import("@/lib/db/portfolio");

function card(name: string, light: PortfolioCard["light"], purpose = "Decides something for somebody."): PortfolioCard {
  return {
    id: name,
    name,
    purpose,
    task: "binary",
    rowNoun: "rows",
    liveVersion: 1,
    shownVersion: 1,
    light,
    sentence: null,
    latestWindow: null,
    nextSentence: null,
    next: null,
    metric: { name: "rocAuc", higherIsBetter: true, reference: null, points: [] },
    facts: { versionCount: 1, inReview: [], drafts: [], hasReference: true, productionWindows: 3 },
  };
}

describe("worst first", () => {
  it("orders red, amber, grey, green, then by name without regard to case or accents", () => {
    const cards = [card("b", "green"), card("Émile", "amber"), card("a", "green"), card("zeta", "red"), card("c", "gray"), card("emma", "amber")];
    expect([...cards].sort(compareWorstFirst).map((c) => c.name)).toEqual(["zeta", "Émile", "emma", "c", "a", "b"]);
  });
});

describe("search and filter", () => {
  const cards = [card("Income screener", "amber", "Flags loan applicants"), card("Churn watcher", "green", "Flags customers who may leave"), card("Bike demand", "red", "Guesses rentals")];

  it("reads the address with zod: junk becomes no filter", () => {
    expect(portfolioQuerySchema.parse({})).toEqual({ q: "", light: null });
    expect(portfolioQuerySchema.parse({ q: ["  loan ", "x"], light: "red" })).toEqual({ q: "loan", light: "red" });
    expect(portfolioQuerySchema.parse({ q: "x".repeat(500), light: "purple" })).toEqual({ q: "", light: null });
  });

  it("matches every word in the name or purpose, case and accents folded, and the light", () => {
    expect(filterCards(cards, { q: "FLAGS", light: null }).map((c) => c.name)).toEqual(["Income screener", "Churn watcher"]);
    expect(filterCards(cards, { q: "flags loan", light: null }).map((c) => c.name)).toEqual(["Income screener"]);
    expect(filterCards(cards, { q: "flags", light: "green" }).map((c) => c.name)).toEqual(["Churn watcher"]);
    expect(filterCards(cards, { q: "dèmand", light: null }).map((c) => c.name)).toEqual(["Bike demand"]);
    expect(filterCards(cards, { q: "", light: "gray" })).toEqual([]);
    expect(countByLight(cards)).toEqual({ red: 1, amber: 1, gray: 0, green: 1 });
  });
});

describe("the card's words", () => {
  it("drops the next step from the headline and keeps at most two sentences", () => {
    const step = "Fix the data problem: find out why values of column occupation are missing, and send them.";
    const headline = `Worth a check on data quality. In column occupation, 22.9% of the values are missing now. In the reference data it was 5.6%. ${step}`;
    expect(cardSentence(headline, step)).toBe("Worth a check on data quality. In column occupation, 22.9% of the values are missing now.");
    expect(cardSentence("The model is right about 86 times in 100.", null)).toBe("The model is right about 86 times in 100.");
  });

  it("never asks a reviewer or a viewer to upload; tells a reviewer what waits for review", () => {
    const empty = { ...card("x", "gray"), facts: { versionCount: 0, inReview: [], drafts: [], hasReference: false, productionWindows: 0 } };
    for (const role of ["reviewer", "viewer"] as const) {
      for (const c of [empty, card("y", "red"), card("z", "green")]) expect(awaitsYou(role, c)).not.toMatch(/upload/i);
    }
    expect(awaitsYou("analyst", empty)).toBe("Upload the model file (.onnx) to start.");
    const inReview = { ...card("w", "amber"), facts: { ...card("w", "amber").facts, inReview: [2, 3] } };
    expect(awaitsYou("reviewer", inReview)).toBe("Versions 2 and 3 wait for your review.");
    expect(awaitsYou("owner", inReview)).toBe("Versions 2 and 3 wait for your review.");
    expect(awaitsYou("analyst", inReview)).not.toMatch(/review\./);
  });
});

describe("the glossary's anchors", () => {
  it("gives every term a distinct anchor made of safe characters", () => {
    const anchors = helpTermsSorted().map((t) => t.anchor);
    expect(new Set(anchors).size).toBe(Object.keys(HELP_TERMS).length);
    for (const a of anchors) expect(a).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(termAnchor("ROC AUC")).toBe("roc-auc");
    expect(termAnchor("R²")).toBe("r2");
    expect(termHref("four-fifths")).toBe("/help#four-fifths");
  });

  it("covers the whole glossary and links every scorecard metric to an entry", () => {
    for (const term of [...Object.keys(GLOSSARY), ...Object.keys(APP_TERMS)]) expect(HELP_TERMS).toHaveProperty([term]);
    for (const term of Object.values(METRIC_TERMS)) expect(HELP_TERMS).toHaveProperty([term]);
  });
});
