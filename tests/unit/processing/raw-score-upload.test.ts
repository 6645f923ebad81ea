// The version upload form's raw-score choice (lib/contracts/processing.ts): the typed cut-off read as a number or
// refused, and the `processing` parameter each choice sends (parsed back by the API's own schema).
import { describe, expect, it } from "vitest";
import { ProcessingInputSchema, parseCutOff, rawScoreUploadProcessing } from "@/lib/contracts/processing";

describe("the upload form's raw-score choice", () => {
  it("reads a typed cut-off as a finite number, and nothing else", () => {
    expect(parseCutOff("0")).toBe(0);
    expect(parseCutOff(" -1.5 ")).toBe(-1.5);
    expect(parseCutOff(".25")).toBe(0.25);
    expect(parseCutOff("1e-3")).toBe(0.001);
    for (const bad of ["", " ", "abc", "1,5", "0x10", "1e999", "Infinity", "NaN", "1.2.3"]) expect(parseCutOff(bad), bad).toBeNull();
  });

  it("sends the sigmoid, a raw score with its cut-off, or nothing", () => {
    expect(rawScoreUploadProcessing({ kind: "none" })).toBeNull();
    expect(rawScoreUploadProcessing({ kind: "cut-off", threshold: null })).toBeNull();
    const sigmoid = JSON.parse(rawScoreUploadProcessing({ kind: "sigmoid" })!) as unknown;
    expect(ProcessingInputSchema.parse(sigmoid)).toMatchObject({ transform: { kind: "sigmoid" } });
    const cutOff = JSON.parse(rawScoreUploadProcessing({ kind: "cut-off", threshold: -0.5 })!) as unknown;
    expect(ProcessingInputSchema.parse(cutOff)).toMatchObject({ meaning: { kind: "raw_score", threshold: -0.5 } });
  });
});
