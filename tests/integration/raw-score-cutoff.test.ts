// "A raw score with a cut-off" (issue 11): a yes/no model whose score is a raw log-odds is admitted at upload when
// declared meaning raw_score with a threshold (on PostgreSQL, nothing stored without it), and the evaluation decides
// at that cut-off: accuracy and ROC AUC equal the ones computed here from the fixture's formula, and the measures
// that read the score as a chance (Brier score, log loss, calibration) are left out.
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findOrCreateModelAsOperator } from "@/lib/db/bootstrap";
import { ModelFileError, createModelVersion } from "@/lib/db/versions";
import { computeEvaluations, type ComputeRequest } from "@/lib/evaluation/compute";
import { defaultRules } from "@/lib/governance/policy-rules";
import type { Table } from "@/lib/ingest/table";
import { encodeTable } from "@/lib/ingest/table-codec";
import { stopJobRunner } from "@/lib/jobs/runner";
import { declareProcessing } from "@/lib/processing";
import { stageUpload } from "@/lib/storage/artifacts";
import { RAW_SCORE, rawScoreLogit, rawScoreLogitClassifier } from "../fixtures/onnx/processing-fixtures";
import { closeDb, getDb, makeWorkspace, runAsUser, usePostgres, type TestWorkspace } from "./support";

const CUT_OFF = { meaning: { kind: "raw_score", threshold: 0 } } as const;

/** 200 rows of u and v, and a true outcome that disagrees with the model's own answer on every 6th row. */
const u = Array.from({ length: 200 }, (_, i) => ((i * 37) % 101) / 25 - 2);
const v = Array.from({ length: 200 }, (_, i) => ((i * 53) % 97) / 24 - 2);
const logits = u.map((x, i) => rawScoreLogit(x, v[i]!));
const outcome = logits.map((s, i) => ((s >= 0 ? 1 : 0) + (i % 6 === 0 ? 1 : 0)) % 2);

/** ROC AUC by its definition: the share of (yes, no) pairs where the yes scores higher, ties counting half. */
function rocAucByPairs(scores: readonly number[], truth: readonly number[]): number {
  let wins = 0;
  let pairs = 0;
  scores.forEach((p, i) => {
    if (truth[i] !== 1) return;
    scores.forEach((n, j) => {
      if (truth[j] !== 0) return;
      pairs++;
      wins += p > n ? 1 : p === n ? 0.5 : 0;
    });
  });
  return wins / pairs;
}

let ws: TestWorkspace;
let dir = "";

beforeAll(async () => {
  usePostgres();
  ws = await makeWorkspace("Raw score cut-off");
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sightline-raw-score-"));
});

afterAll(async () => {
  await stopJobRunner();
  await closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("a yes/no model declared a raw score with a cut-off", () => {
  it("is refused at upload without the declaration (nothing stored) and admitted with it", async () => {
    const modelId = (await findOrCreateModelAsOperator({ workspaceId: ws.id, name: `Raw ${randomUUID().slice(0, 6)}`, purpose: "Says yes or no.", task: "binary", positiveLabel: "1" })).id;
    const stage = () => stageUpload(Buffer.from(rawScoreLogitClassifier()), Number.MAX_SAFE_INTEGER);
    const refused = await runAsUser(ws.users.analyst, async () => createModelVersion({ modelId, fileName: "raw.onnx" }, await stage()).catch((e: unknown) => e));
    expect(refused).toBeInstanceOf(ModelFileError);
    expect((refused as ModelFileError).code).toBe("SCORE_OUT_OF_RANGE");
    expect((refused as ModelFileError).message).toContain('processing={"meaning":{"kind":"raw_score","threshold":0}}');
    expect(await (await getDb()).modelVersion.count({ where: { modelId } })).toBe(0);
    const created = await runAsUser(ws.users.analyst, async () => createModelVersion({ modelId, fileName: "raw.onnx", processing: CUT_OFF }, await stage()));
    expect(created.version).toBe(1);
    expect(await (await getDb()).modelVersion.count({ where: { modelId } })).toBe(1);
  });

  it("decides at the cut-off, ranks by the raw score, and leaves out the measures that need a chance", async () => {
    const modelBytes = rawScoreLogitClassifier();
    const modelPath = path.join(dir, "raw.onnx");
    fs.writeFileSync(modelPath, modelBytes);
    const table: Table = {
      file: "reference.csv",
      format: "csv",
      rowCount: u.length,
      firstRowNumber: 2,
      columns: Object.entries({ u, v, outcome }).map(([name, values]) => ({ name, kind: "numeric" as const, values: Float64Array.from(values) })),
    };
    const bytes = encodeTable(table);
    const file = path.join(dir, "reference.sltb");
    fs.writeFileSync(file, bytes);
    const reference: ComputeRequest["reference"] = { kind: "staged", path: file, sha256: createHash("sha256").update(bytes).digest("hex"), name: "reference" };
    const processing = declareProcessing(CUT_OFF, { task: "binary", modelInputs: [...RAW_SCORE.features], dataColumns: ["u", "v", "outcome"] });
    const request: ComputeRequest = {
      model: { id: "m1", task: "binary", positiveLabel: "1", sensitiveAttributes: [], policy: { id: "p1", version: 1, ...defaultRules("binary") } },
      versions: [{ id: "v1", artifactSha256: createHash("sha256").update(modelBytes).digest("hex"), modelPath, prepareOptions: { task: "binary" }, processing, featureColumns: [...RAW_SCORE.features], known: [] }],
      roles: { label: "outcome", scores: [] },
      reference,
      targets: [{ key: "r", source: reference, label: "reference" }],
    };
    const answer = await computeEvaluations(request, () => undefined);
    const card = answer.snapshots[0]?.content.scorecard;
    expect(card?.rawScore).toBe(true);
    expect(card?.threshold).toBe(0);
    const metric = (name: string) => card?.metrics.find((m) => m.name === name)?.value;

    // A yes when the logit is 0 or more (the policy's 0.5 would call almost every row a yes).
    const said = logits.map((s) => (s >= 0 ? 1 : 0));
    const accuracy = said.filter((s, i) => s === outcome[i]).length / said.length;
    expect(metric("accuracy")).toBeCloseTo(accuracy, 12);
    const atHalf = logits.map((s) => (s >= 0.5 ? 1 : 0)).filter((s, i) => s === outcome[i]).length / said.length;
    expect(accuracy).not.toBeCloseTo(atHalf, 3);
    const tp = said.filter((s, i) => s === 1 && outcome[i] === 1).length;
    expect(card?.confusion?.tp).toBe(tp);
    expect(metric("rocAuc")).toBeCloseTo(rocAucByPairs(logits, outcome), 12);
    for (const name of ["brier", "logLoss", "calibrationError"]) expect(card?.metrics.some((m) => m.name === name), name).toBe(false);
    expect(card?.calibration).toBeUndefined();
  });
});
