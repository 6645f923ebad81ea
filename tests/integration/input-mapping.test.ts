// The input mapping on PostgreSQL: a two-input model's version stores the mapping it was uploaded with (proposed for
// the inputs the caller left out), a wrong count is refused in plain words with nothing stored, scoring reads the
// stored mapping (numbers checked against a computation here), owners and analysts change it until the version is
// submitted (audited), and a feature transformer is refused under every task.
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findOrCreateModelAsOperator } from "@/lib/db/bootstrap";
import { ModelFileError, createModelVersion, getVersionInputs, loadPreparedVersion, updateVersionInputMapping, versionPrepareOptions } from "@/lib/db/versions";
import { stopJobRunner } from "@/lib/jobs/runner";
import { scoreTable } from "@/lib/onnx/session-node";
import { stageUpload } from "@/lib/storage/artifacts";
import { twoInputsPrediction } from "../fixtures/onnx/input-mapping-fixtures";
import { closeDb, getDb, makeWorkspace, refusal, runAsUser, usePostgres, type TestWorkspace } from "./support";

const FIXTURES = path.join(process.cwd(), "tests/fixtures/onnx");
const stage = (file: string) => stageUpload(fs.readFileSync(path.join(FIXTURES, file)), Number.MAX_SAFE_INTEGER);

let ws: TestWorkspace;
let modelId: string;

async function versionCount(id: string): Promise<number> {
  return (await getDb()).modelVersion.count({ where: { modelId: id } });
}

async function newModel(task: "binary" | "multiclass" | "regression"): Promise<string> {
  return (await findOrCreateModelAsOperator({ workspaceId: ws.id, name: `Mapping ${task} ${randomUUID().slice(0, 6)}`, purpose: "Tests the input mapping.", task, positiveLabel: task === "binary" ? "1" : null })).id;
}

beforeAll(async () => {
  usePostgres();
  ws = await makeWorkspace("Input mapping");
  modelId = await newModel("regression");
});

afterAll(async () => {
  await stopJobRunner();
  await closeDb();
});

describe("input mapping stored on the version", () => {
  it("refuses a wrong count in plain words before the model runs, and stores nothing", async () => {
    const refused = await runAsUser(ws.users.analyst, async () =>
      createModelVersion({ modelId, fileName: "two.onnx", inputMapping: { numbers: ["age", "income", "tenure"] } }, await stage("two-inputs.onnx")).catch((e: unknown) => e),
    );
    expect(refused).toBeInstanceOf(ModelFileError);
    expect((refused as ModelFileError).message).toBe(
      "two.onnx: The model's input 'numbers' needs 2 values per row; the mapping gives 3. Fix the line for 'numbers' in the Column order field. List 2 columns, in the order the model was trained on.",
    );
    const unmapped = await runAsUser(ws.users.analyst, async () => createModelVersion({ modelId, fileName: "two.onnx" }, await stage("two-inputs.onnx")).catch((e: unknown) => e));
    expect((unmapped as ModelFileError).code).toBe("FEATURE_NAMES_REQUIRED");
    expect((unmapped as ModelFileError).message).toContain("cannot tell which columns go into the model's input 'numbers'");
    expect(await versionCount(modelId)).toBe(0);
  });

  it("stores the given mapping with the proposal for the rest, and scores through it", async () => {
    const created = await runAsUser(ws.users.analyst, async () => createModelVersion({ modelId, fileName: "two.onnx", inputMapping: { numbers: ["age", "income"] } }, await stage("two-inputs.onnx")));
    expect(created.inputMapping).toEqual({ numbers: ["age", "income"], tenure: "tenure" });
    const db = await getDb();
    const row = await db.modelVersion.findUniqueOrThrow({ where: { id: created.id }, select: { inputMapping: true } });
    expect(row.inputMapping).toEqual({ numbers: ["age", "income"], tenure: "tenure" });
    expect(await versionPrepareOptions(db, created.id)).toMatchObject({ featureNames: { numbers: ["age", "income"], tenure: ["tenure"] } });

    const columns = new Map([
      ["age", Float64Array.of(25, 38)],
      ["income", Float64Array.of(40, 62)],
      ["tenure", Float64Array.of(1, 4)],
    ]);
    const scored = await scoreTable(await loadPreparedVersion(db, created.id), columns);
    expect([...(scored.prediction ?? [])]).toEqual([twoInputsPrediction([25, 40], 1), twoInputsPrediction([38, 62], 4)]);
    expect(scored.prediction?.[0]).toBe(5.5); // 0.5 * 25 - 0.25 * 40 + 2 * 1 + 1
  });

  it("lets analysts and owners change it until the version is submitted, with an audit event; others read it", async () => {
    const view = await runAsUser(ws.users.viewer, () => getVersionInputs(modelId, 1));
    expect(view).toMatchObject({ canEdit: false, lockedReason: null, derived: false });
    expect(view.rows.map((r) => [r.input, r.kind, r.width, r.columns])).toEqual([
      ["numbers", "columns", 2, ["age", "income"]],
      ["tenure", "column", 1, ["tenure"]],
    ]);
    expect(await refusal(() => runAsUser(ws.users.reviewer, () => updateVersionInputMapping(modelId, 1, { numbers: ["income", "age"], tenure: "tenure" }, "page")))).toMatch(/^forbidden/);
    expect(await refusal(() => runAsUser(ws.users.analyst, () => updateVersionInputMapping(modelId, 1, { numbers: ["income"], tenure: "tenure" }, "page")))).toBe(
      "rule: The model's input 'numbers' needs 2 values per row; the mapping gives 1. Fix the field for 'numbers' below. List 2 columns, in the order the model was trained on.",
    );
    const db = await getDb();
    expect((await db.modelVersion.findFirstOrThrow({ where: { modelId, version: 1 }, select: { inputMapping: true } })).inputMapping).toEqual({ numbers: ["age", "income"], tenure: "tenure" });

    const changed = await runAsUser(ws.users.owner, () => updateVersionInputMapping(modelId, 1, { numbers: ["income", "age"], tenure: "years" }, "page"));
    expect(changed).toMatchObject({ inputMapping: { numbers: ["income", "age"], tenure: "years" }, requiredColumns: ["income", "age", "years"], jobId: null });
    const version = await db.modelVersion.findFirstOrThrow({ where: { modelId, version: 1 }, select: { id: true } });
    const scored = await scoreTable(await loadPreparedVersion(db, version.id), new Map([["age", Float64Array.of(25)], ["income", Float64Array.of(40)], ["years", Float64Array.of(1)]]));
    expect(scored.prediction?.[0]).toBe(twoInputsPrediction([40, 25], 1));
    const event = await db.auditEvent.findFirstOrThrow({ where: { subjectId: version.id, action: "version.inputs_changed" }, select: { actorId: true, payload: true } });
    expect(event).toEqual({ actorId: ws.users.owner, payload: { modelId, version: 1, from: { numbers: ["age", "income"], tenure: "tenure" }, to: { numbers: ["income", "age"], tenure: "years" } } });

    await db.modelVersion.update({ where: { id: version.id }, data: { status: "in_review" } });
    expect(await refusal(() => runAsUser(ws.users.owner, () => updateVersionInputMapping(modelId, 1, { numbers: ["age", "income"], tenure: "tenure" }, "api")))).toBe(
      "rule: The mapping is fixed now: version 1 is waiting for its review, and reviewers judge it as it is. To change the mapping, upload the model as a new version.",
    );
    expect(await runAsUser(ws.users.owner, () => getVersionInputs(modelId, 1))).toMatchObject({ canEdit: false, lockedReason: expect.stringContaining("waiting for its review") });
  });
});

describe("output checks at upload", () => {
  it.each(["binary", "multiclass", "regression"] as const)("refuses a feature transformer declared %s, and stores nothing", async (task) => {
    const id = await newModel(task);
    const refused = await runAsUser(ws.users.analyst, async () => createModelVersion({ modelId: id, fileName: "mix.onnx" }, await stage("many-outputs-transformer.onnx")).catch((e: unknown) => e));
    expect(refused).toBeInstanceOf(ModelFileError);
    expect((refused as ModelFileError).code).toBe("NOT_A_PREDICTION");
    expect(await versionCount(id)).toBe(0);
  });
});
