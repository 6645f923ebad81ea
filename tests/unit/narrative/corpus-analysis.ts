// The drift, fairness-and-slices and data-quality pages' templates, each filled several times with realistic values
// (corpus.ts adds them to the readability and jargon checks).
import type { DriftHistoryPoint } from "@/lib/contracts/drift-history";
import type { DataQualitySection, FairnessQuestion, SliceMetric } from "@/lib/contracts/snapshot-types";
import {
  DATA_QUALITY_INTRO,
  DATA_QUALITY_NOT_CHECKED,
  DRIFT_EXPLAINER,
  classBalanceCaption,
  columnsSentence,
  driftScoreLinesSummary,
  driftShareOverTimeSummary,
  driftTableCaption,
  driftTestReason,
  driftTooFewRowsNote,
  duplicatesSentence,
  groupDisparityWords,
  groupSharesCaption,
  leakageSentence,
  missingAttributesSentence,
  missingCaption,
  noSensitiveForOthers,
  noSensitiveForOwner,
  otherSlicesIntro,
  provenanceSentence,
  sliceDirection,
  sliceGroupVerdict,
  sliceMetricSentence,
  sliceTableCaption,
  tooFewRowsWords,
} from "@/lib/narrative";
import { group, sliceColumn } from "./scenarios";

interface Filled {
  template: string;
  fill: string;
  text: string;
}

function point(label: string, share: number, judgeable = true, isReference = false): DriftHistoryPoint {
  return {
    snapshotId: label,
    windowId: label,
    windowLabel: label,
    isReference,
    judgeable,
    numberOfColumns: 14,
    numberOfDriftedColumns: Math.round(share * 14),
    shareOfDriftedColumns: share,
    driftShare: 0.5,
    columns: [],
  };
}

function driftFills(): Filled[] {
  const out: Filled[] = [];
  DRIFT_EXPLAINER.forEach((line, i) => {
    out.push({ template: `DRIFT_EXPLAINER[${i}]`, fill: "as is", text: line });
    out.push({ template: `DRIFT_EXPLAINER[${i}]`, fill: "again", text: line });
  });
  const methods: [string, "numeric" | "categorical"][] = [
    ["wasserstein", "numeric"],
    ["jensenshannon", "categorical"],
    ["jensenshannon", "numeric"],
    ["ks", "numeric"],
    ["chisquare", "categorical"],
    ["z", "categorical"],
    ["psi", "numeric"],
    ["hellinger", "numeric"],
  ];
  for (const [method, columnType] of methods) {
    for (const rows of [19537, 640, null]) out.push({ template: `driftTestReason(${method})`, fill: `${columnType} ${rows}`, text: driftTestReason({ method, columnType }, rows) });
  }
  const histories: [string, DriftHistoryPoint[]][] = [
    ["six months", [point("Reference data", 0, true, true), point("2026-05", 0), point("2026-06", 0.07), point("2026-07", 0.21), point("2026-08", 0.5), point("2026-09", 0.57), point("2026-10", 0.36)]],
    ["one month", [point("Reference data", 0, true, true), point("2012-01", 0.67)]],
    ["none", [point("Reference data", 0, true, true)]],
    ["a small month", [point("2026-05", 0.1), point("2026-06", 0, false), point("2026-07", 0.2)]],
    ["all over", [point("2012-01", 0.6), point("2012-02", 0.7)]],
  ];
  for (const [fill, h] of histories) out.push({ template: "driftShareOverTimeSummary", fill, text: driftShareOverTimeSummary(h) });
  const months = ["2026-05", "2026-06", "2026-07"];
  const distances = [
    { column: "age", method: "wasserstein", threshold: 0.1, points: months.map((m, i) => ({ windowLabel: m, score: 0.05 + i * 0.1 })) },
    { column: "hours-per-week", method: "wasserstein", threshold: 0.1, points: months.map((m, i) => ({ windowLabel: m, score: i === 1 ? null : 0.04 + i * 0.02 })) },
    { column: "(model output)", method: "wasserstein", threshold: 0.1, points: months.map((m) => ({ windowLabel: m, score: 0.2 })) },
  ];
  const pValues = [{ column: "region", method: "chisquare", threshold: 0.05, points: months.map((m, i) => ({ windowLabel: m, score: 0.3 / (i + 1) ** 3 })) }];
  out.push({ template: "driftScoreLinesSummary", fill: "distances", text: driftScoreLinesSummary(distances) });
  out.push({ template: "driftScoreLinesSummary", fill: "p-values", text: driftScoreLinesSummary(pValues) });
  out.push({ template: "driftScoreLinesSummary", fill: "one line", text: driftScoreLinesSummary(distances.slice(0, 1)) });
  out.push({ template: "driftScoreLinesSummary", fill: "none", text: driftScoreLinesSummary([]) });
  for (const [columns, drifted] of [[14, 5], [1, 0], [12, 8]] as const) out.push({ template: "driftTableCaption", fill: `${drifted}/${columns}`, text: driftTableCaption(columns, drifted) });
  out.push({ template: "driftTooFewRowsNote", fill: "small window", text: driftTooFewRowsNote(19537, 42, 100) });
  out.push({ template: "driftTooFewRowsNote", fill: "small reference", text: driftTooFewRowsNote(80, 1500, 100) });
  return out;
}

function sliceFills(): Filled[] {
  const out: Filled[] = [];
  const questions: (FairnessQuestion | null)[] = ["help", "burden", "equal", null];
  const metrics: [SliceMetric, number, number][] = [
    ["truePositiveRate", 0.55, 0.61],
    ["falsePositiveRate", 0.04, 0.13],
    ["selectionRate", 0.12, 0.31],
    ["accuracy", 0.89, 0.77],
    ["mae", 33.4, 80.5],
  ];
  for (const [metric, value, ref] of metrics) {
    for (const question of questions) out.push({ template: "sliceMetricSentence", fill: `${metric} ${question}`, text: sliceMetricSentence(metric, question) });
    const columns = [
      sliceColumn("sex", [group("Male", 1066, metric, ref, ref), group("Female", 434, metric, value, ref)], "Male"),
      sliceColumn("sex × age_band", [group("Male & 35-49", 500, metric, ref, ref), group("Female & 50+", 90, metric, value * 0.7, ref), group("Female & 17-24", 12, metric, value, ref, 0.8, false)], "Male & 35-49", "intersection", ["sex", "age_band"]),
      sliceColumn("season", [group("4", 480, metric, ref, ref), group("1", 262, metric, value * 1.02, ref)], "4", "other"),
      sliceColumn("region", [group("North", 12, metric, ref, ref, 0.8, false)], null),
      sliceColumn("hour", [group("17", 300, metric, ref, ref), group("3", 9, metric, value, ref, 0.8, false)], "17", "other"),
    ];
    for (const column of columns) {
      for (const rowNoun of ["applicants", "hours"]) {
        out.push({ template: "sliceDirection", fill: `${metric} ${column.name} ${rowNoun}`, text: sliceDirection(column, metric, 0.8, rowNoun) });
        out.push({ template: "sliceTableCaption", fill: `${metric} ${column.name} ${rowNoun}`, text: sliceTableCaption(column, 1500, rowNoun) });
      }
      for (const g of column.groups) {
        const verdict = sliceGroupVerdict(column, g, metric, 0.8);
        out.push({ template: "groupDisparityWords", fill: `${metric} ${column.name} ${g.group}`, text: groupDisparityWords(g, verdict, 0.8) });
        if (verdict.state === "tooFew") {
          const section = { minimumRows: 30, minimumDenominator: 5 };
          out.push({ template: "tooFewRowsWords", fill: `${metric} ${column.name} ${g.group}`, text: tooFewRowsWords(g, metric, section, "applicants") });
          out.push({ template: "tooFewRowsWords", fill: `${metric} ${column.name} ${g.group} denominator`, text: tooFewRowsWords({ ...g, rows: 40 }, metric, section) });
        }
      }
    }
  }
  for (const rowNoun of ["rows", "hours"]) out.push({ template: "otherSlicesIntro", fill: rowNoun, text: otherSlicesIntro(rowNoun) });
  noSensitiveForOwner().forEach((line, i) => {
    out.push({ template: `noSensitiveForOwner #${i}`, fill: "owner", text: line });
    out.push({ template: `noSensitiveForOwner #${i}`, fill: "owner again", text: line });
  });
  for (const owners of [[], ["Olive Owner"], ["Olive Owner", "Cai Bikes"]]) {
    noSensitiveForOthers(owners).forEach((line, i) => out.push({ template: `noSensitiveForOthers #${i}`, fill: `${owners.length} owners`, text: line }));
  }
  for (const attributes of [["race"], ["race", "age_band"]]) out.push({ template: "missingAttributesSentence", fill: attributes.join(","), text: missingAttributesSentence(attributes) });
  return out;
}

function dataQualityFills(): Filled[] {
  const out: Filled[] = [];
  const section = (over: Partial<DataQualitySection>): DataQualitySection => ({
    rows: 1500,
    missing: [
      { column: "occupation", count: 343, share: 0.2287 },
      { column: "age", count: 0, share: 0 },
    ],
    classBalance: null,
    groupShares: [],
    duplicates: { count: 19, share: 0.0127 },
    leakage: [],
    missingColumns: [],
    newColumns: [],
    provenance: { fileName: "income-production.csv", sha256: "e5b0", uploadedBy: "Ana Analyst", uploadedAt: "2026-12-07T11:44:37.805Z", rows: 1500 },
    problems: [],
    ...over,
  });
  for (const fill of ["as is", "again"]) {
    out.push({ template: "DATA_QUALITY_INTRO", fill, text: DATA_QUALITY_INTRO });
    out.push({ template: "DATA_QUALITY_NOT_CHECKED", fill, text: DATA_QUALITY_NOT_CHECKED });
  }
  for (const rowNoun of ["applicants", "hours"]) {
    out.push({ template: "missingCaption", fill: `gaps ${rowNoun}`, text: missingCaption(section({}), rowNoun) });
    out.push({ template: "missingCaption", fill: `none ${rowNoun}`, text: missingCaption(section({ missing: [{ column: "age", count: 0, share: 0 }] }), rowNoun) });
    out.push({ template: "classBalanceCaption", fill: rowNoun, text: classBalanceCaption(rowNoun) });
    out.push({ template: "groupSharesCaption", fill: rowNoun, text: groupSharesCaption(rowNoun) });
    out.push({ template: "duplicatesSentence", fill: `some ${rowNoun}`, text: duplicatesSentence({ count: 19, share: 0.0127 }, rowNoun) });
    out.push({ template: "duplicatesSentence", fill: `none ${rowNoun}`, text: duplicatesSentence({ count: 0, share: 0 }, rowNoun) });
    out.push({ template: "provenanceSentence", fill: `named ${rowNoun}`, text: provenanceSentence(section({}).provenance!, rowNoun) });
    out.push({ template: "provenanceSentence", fill: `unnamed ${rowNoun}`, text: provenanceSentence({ ...section({}).provenance!, uploadedBy: null }, rowNoun) });
  }
  const leaks: [string, DataQualitySection["leakage"]][] = [
    ["none", []],
    ["one auc", [{ column: "approved_by", method: "roc_auc", score: 0.991 }]],
    ["two", [{ column: "approved_by", method: "roc_auc", score: 0.991 }, { column: "final_price", method: "spearman", score: 0.985 }]],
  ];
  for (const [fill, leakage] of leaks) out.push({ template: "leakageSentence", fill, text: leakageSentence(leakage) });
  const cols: [string, Pick<DataQualitySection, "missingColumns" | "newColumns">][] = [
    ["same", { missingColumns: [], newColumns: [] }],
    ["missing one", { missingColumns: ["tenure"], newColumns: [] }],
    ["both", { missingColumns: ["tenure", "region"], newColumns: ["coupon"] }],
  ];
  for (const [fill, c] of cols) out.push({ template: "columnsSentence", fill, text: columnsSentence(c) });
  return out;
}

/** Every template of the analysis pages, filled. */
export function analysisPageFills(): Filled[] {
  return [...driftFills(), ...sliceFills(), ...dataQualityFills()];
}
