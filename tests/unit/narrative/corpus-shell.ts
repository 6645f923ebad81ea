// Corpus entries of the portfolio, the help page and the status pages (see corpus.ts): every template filled
// several times, so the readability and jargon tests read them.
import type { PortfolioCard, PortfolioRole } from "@/lib/contracts/portfolio";
import type { NextStep } from "@/lib/contracts/snapshot-types";
import {
  APP_TERMS,
  HELP_GUIDE,
  HELP_GUIDE_INTRO,
  HELP_PAGE_WORDS,
  PORTFOLIO_FILTER_WORDS,
  STATUS_WORDS,
  asSentence,
  awaitsYou,
  cardSentence,
  emptyPortfolio,
  forbiddenFallbackWords,
  forbiddenWords,
  latestDataWords,
  liveVersionWords,
  notJudgedSentence,
  portfolioLead,
  sparklineSummary,
} from "@/lib/narrative";
import type { Filled } from "./corpus";

const ROLES: PortfolioRole[] = ["owner", "reviewer", "analyst", "viewer"];

function card(over: Partial<Omit<PortfolioCard, "facts">> & { facts?: Partial<PortfolioCard["facts"]> }): PortfolioCard {
  const { facts, ...rest } = over;
  return {
    id: "m1",
    name: "Income screener",
    purpose: "Flags applicants for a fast-track review.",
    task: "binary",
    rowNoun: "applicants",
    liveVersion: 1,
    shownVersion: 1,
    light: "green",
    sentence: null,
    latestWindow: "2026-07",
    next: null,
    nextSentence: null,
    metric: { name: "rocAuc", higherIsBetter: true, reference: 0.912, points: [] },
    ...rest,
    facts: { versionCount: 2, inReview: [], drafts: [], hasReference: true, productionWindows: 6, ...facts },
  };
}

const NEXT: NextStep[] = [{ kind: "lookAtDrift", column: "age" }, { kind: "uploadLabels" }, { kind: "retrain" }];

const CARDS: [string, PortfolioCard][] = [
  ["no version", card({ light: "gray", liveVersion: null, facts: { versionCount: 0, hasReference: false, productionWindows: 0 } })],
  ["no reference", card({ light: "gray", facts: { versionCount: 1, hasReference: false, productionWindows: 0 } })],
  ["no production data", card({ light: "gray", facts: { productionWindows: 0 } })],
  ["one in review", card({ facts: { inReview: [2] } })],
  ["two in review", card({ light: "amber", facts: { inReview: [2, 3] } })],
  ...NEXT.map((next, i): [string, PortfolioCard] => [`red, next ${next.kind}`, card({ light: i % 2 ? "amber" : "red", next })]),
  ["one draft", card({ facts: { drafts: [2] } })],
  ["two drafts", card({ facts: { drafts: [2, 3] } })],
  ["green", card({})],
  ["bikes", card({ rowNoun: "hours", task: "regression", light: "amber" })],
];

function sparkFills(): Filled[] {
  const months = ["2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07"];
  const out: Filled[] = [];
  for (const [metric, base, higher] of [["rocAuc", 0.91, true], ["macroF1", 0.74, true], ["mae", 41.2, false]] as const) {
    const points = months.map((windowLabel, i) => ({ windowLabel, value: i === 2 ? null : base * (1 - 0.01 * i) }));
    out.push({ template: "sparklineSummary", fill: `${metric} six months`, text: sparklineSummary({ metric: { name: metric, higherIsBetter: higher, reference: base, points } }) });
    out.push({ template: "sparklineSummary", fill: `${metric} one month`, text: sparklineSummary({ metric: { name: metric, higherIsBetter: higher, reference: null, points: points.slice(0, 1) } }) });
  }
  return out;
}

/** Every template of the portfolio, the help page and the status pages, filled. */
export function shellFills(): Filled[] {
  const out: Filled[] = [];
  for (const role of ROLES) {
    for (const [name, c] of CARDS) out.push({ template: "awaitsYou", fill: `${role}, ${name}`, text: awaitsYou(role, c) });
    const empty = emptyPortfolio(role);
    out.push({ template: "emptyPortfolio", fill: role, text: `${empty.title}. ${empty.body}` });
  }
  for (const [name, c] of CARDS.slice(0, 3)) out.push({ template: "notJudgedSentence", fill: name, text: notJudgedSentence(c) });
  out.push({ template: "notJudgedSentence", fill: "hours", text: notJudgedSentence(card({ rowNoun: "hours", facts: { productionWindows: 0 } })) });
  for (const ws of ["Northwind Lending", "Capital Bikes"]) out.push({ template: "portfolioLead", fill: ws, text: portfolioLead(ws) });
  for (const v of [null, 1, 12]) out.push({ template: "liveVersionWords", fill: String(v), text: `${liveVersionWords(v)}.` });
  out.push({ template: "latestDataWords", fill: "live", text: latestDataWords("2026-07", 1, 1) ?? "" });
  out.push({ template: "latestDataWords", fill: "not live", text: latestDataWords("2012-12", 2, 1) ?? "" });
  for (const [shown, total] of [[3, 8], [12, 12]] as const) out.push({ template: "filter count", fill: `${shown}/${total}`, text: PORTFOLIO_FILTER_WORDS.shown(shown, total) });
  out.push({ template: "filter none", fill: "a", text: PORTFOLIO_FILTER_WORDS.none }, { template: "filter none", fill: "b", text: PORTFOLIO_FILTER_WORDS.none });
  out.push(...sparkFills());
  const headline = "Worth a check on data quality. In column occupation, 22.9% of the values are missing now. Fix the data problem: find out why values of column occupation are missing, and send them.";
  const step = "Fix the data problem: find out why values of column occupation are missing, and send them.";
  out.push({ template: "cardSentence", fill: "with its step", text: cardSentence(headline, step) }, { template: "cardSentence", fill: "short", text: cardSentence("The model is right about 86 times in 100.", null) });

  // The areas app/forbidden.tsx names.
  const areas = [
    { action: "open the audit log", roles: ["owner"] },
    { action: "add and remove people", roles: ["owner"] },
    { action: "hand out API tokens", roles: ["owner"] },
    { action: "add a model", roles: ["owner", "analyst"] },
    { action: "sign off a version", roles: ["owner", "reviewer"] },
    { action: "change a model's rules", roles: ["owner"] },
  ];
  for (const a of areas) forbiddenWords(a.action, a.roles).forEach((line, i) => out.push({ template: `forbiddenWords #${i}`, fill: a.action, text: line }));
  for (const line of forbiddenFallbackWords(areas)) out.push({ template: "forbiddenFallbackWords", fill: line.slice(0, 20), text: line });
  for (const key of ["notFound", "error"] as const) {
    out.push({ template: `STATUS_WORDS.${key}`, fill: "a", text: STATUS_WORDS[key] }, { template: `STATUS_WORDS.${key}`, fill: "b", text: STATUS_WORDS[key] });
  }

  // The help page: its leads, the guide's paragraphs and points (code blocks are for copying, not reading), and
  // the app's own glossary entries as the page shows them.
  const help = [HELP_PAGE_WORDS.lead, HELP_PAGE_WORDS.glossaryLead, ...HELP_GUIDE_INTRO, ...HELP_GUIDE.flatMap((s) => [...s.paragraphs, ...(s.points ?? [])])];
  help.forEach((text, i) => {
    out.push({ template: "help page text", fill: `#${i}`, text });
  });
  for (const [term, explanation] of Object.entries(APP_TERMS)) out.push({ template: "help glossary entry", fill: term, text: asSentence(explanation) });
  return out;
}
