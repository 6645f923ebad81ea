// Jargon only with its explanation beside it: every filled template that uses a glossary term also holds the
// term's explanation (lib/narrative's GLOSSARY).
import { describe, expect, it } from "vitest";
import { GLOSSARY, explained, metricWords } from "@/lib/narrative";
import { filledTemplates } from "./corpus";
import { termsIn, unexplained } from "./jargon";

/** The terms a shop owner should never meet bare. */
const REQUIRED = [
  "reference group", "ROC AUC", "drift", "calibration", "calibration error", "confidence interval", "R²", "log loss", "Brier",
  "F1", "precision", "recall", "false positive rate", "true positive rate", "selection rate", "four-fifths", "Wasserstein",
  "Jensen-Shannon", "p-value", "K-S", "chi-square", "Z-test", "PSI", "Kullback-Leibler", "Hellinger", "Spearman",
  "mean absolute error", "root mean squared error", "mean absolute percentage error", "balanced accuracy", "macro F1", "disparity",
];

describe("the glossary", () => {
  it.each(REQUIRED)("explains %s in a few plain words", (term) => {
    const explanation = (GLOSSARY as Record<string, string>)[term];
    expect(explanation, term).toBeTruthy();
    expect(explanation!.split(" ").length).toBeLessThanOrEqual(22);
  });

  it("puts the explanation beside the term", () => {
    expect(explained("ROC AUC")).toBe("ROC AUC (how often it ranks a real yes above a real no)");
    expect(metricWords("rocAuc")).toBe(explained("ROC AUC"));
    expect(metricWords("brier")).toBe(`Brier score (${GLOSSARY.Brier})`);
  });
});

describe("the jargon check", () => {
  it("finds a bare term, and the longest term that matches", () => {
    expect(unexplained("The ROC AUC is 91%.")).toEqual(["ROC AUC"]);
    expect(termsIn("Its macro F1 is 74%.")).toEqual(["macro F1"]);
    expect(unexplained("Income drifted a lot.")).toEqual(["drift"]);
    expect(unexplained(`Its ${metricWords("macroF1")} is 74%.`)).toEqual([]);
    expect(unexplained("The K-S test gives a p-value of 0.01.")).toEqual(expect.arrayContaining(["K-S", "p-value"]));
  });
});

describe("every filled template explains its jargon", () => {
  const filled = filledTemplates();

  it("uses most of the glossary somewhere, so the check below means something", () => {
    const used = new Set(filled.flatMap((f) => termsIn(f.text)));
    for (const term of ["reference group", "drift", "ROC AUC", "R²", "log loss", "Brier", "F1", "precision", "recall", "four-fifths", "Wasserstein", "Jensen-Shannon", "p-value", "calibration error", "Spearman"]) {
      expect(used.has(term as keyof typeof GLOSSARY), term).toBe(true);
    }
  });

  it.each(filled.map((f) => [f.template, f.fill, f.text] as const))("%s, filled with %s", (_template, _fill, text) => {
    expect(unexplained(text), text).toEqual([]);
  });
});
