// Stored snapshots on PostgreSQL: "latest" order (latest end, then latest upload, then highest id; undated
// windows end at their upload time), snapshots stored before version 2 still read, a newer evaluation marks
// the older one superseded, and the database refuses to edit a snapshot.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createModel } from "@/lib/db/models";
import { getModelHealth, listSnapshots } from "@/lib/db/snapshots";
import { toJson } from "@/lib/db/json";
import { writeSnapshots, type EvaluatedSnapshot } from "@/lib/evaluation/pipeline";
import { isLegacySnapshot } from "@/lib/contracts/snapshot-content";
import type { SnapshotContent, Verdicts } from "@/lib/contracts/snapshot-types";
import { closeDb, getDb, makeWorkspace, runAsUser, usePostgres, type TestWorkspace } from "./support";

const verdicts = (light: "green" | "red"): Verdicts => {
  const v = { light, reason: `It is ${light}.` };
  return { overall: v, performance: v, drift: v, fairness: v, policyVersion: 1 };
};
const drift = { columns: [], numberOfColumns: 0, numberOfDriftedColumns: 0, shareOfDriftedColumns: 0, datasetDrift: false, driftShare: 0.5 };

let ws: TestWorkspace;
let modelId: string;
let versionId: string;
let policyId: string;

async function addWindow(label: string, endsAt: Date | null, createdAt: Date): Promise<string> {
  const db = await getDb();
  const dataset = await db.dataset.create({
    data: { modelId, kind: label === "reference" ? "reference" : "production", name: label, fileName: `${label}.csv`, format: "csv", artifactSha256: "0".repeat(64), rowCount: 10, columns: toJson({}), createdAt },
  });
  const window = await db.window.create({ data: { modelId, datasetId: dataset.id, label, startsAt: endsAt, endsAt, rowCount: 10, createdAt } });
  return window.id;
}

/** A snapshot row as version 1 stored it: no schema version, no details. */
async function addLegacySnapshot(windowId: string, light: "green" | "red"): Promise<string> {
  const db = await getDb();
  const row = await db.snapshot.create({
    data: {
      modelVersionId: versionId,
      windowId,
      policyId,
      inputHash: "a".repeat(64),
      scorecard: toJson({ rows: 10, labelledRows: 10, metrics: [] }),
      drift: toJson(drift),
      fairness: toJson({ tau: 0.8, attributes: [], missingAttributes: [] }),
      verdicts: toJson(verdicts(light)),
      narrative: toJson([`It is ${light}.`]),
    },
  });
  return row.id;
}

beforeAll(async () => {
  usePostgres();
  ws = await makeWorkspace("Snapshots");
  modelId = (await runAsUser(ws.users.analyst, () => createModel({ name: "Ordering", purpose: "Decides which rows are checked first.", task: "binary", positiveLabel: "1" }))).id;
  const db = await getDb();
  const version = await db.modelVersion.create({
    data: { modelId, version: 1, status: "draft", artifactSha256: "1".repeat(64), artifactName: "m.onnx", signature: toJson({}), featureSchema: toJson({}) },
  });
  versionId = version.id;
  policyId = (await db.policy.findFirstOrThrow({ where: { modelId } })).id;
});

afterAll(async () => {
  await closeDb();
});

describe("snapshots", () => {
  it("orders windows by end, then upload time, and an undated window ends at its upload", async () => {
    await addLegacySnapshot(await addWindow("reference", null, new Date("2026-06-01T00:00:00Z")), "green");
    const july = await addWindow("2026-07", new Date("2026-07-31T23:59:59Z"), new Date("2026-08-02T00:00:00Z"));
    const julyAgain = await addWindow("2026-07 again", new Date("2026-07-31T23:59:59Z"), new Date("2026-08-03T00:00:00Z"));
    const undated = await addWindow("Upload of 2026-08-01", null, new Date("2026-08-01T12:00:00Z"));
    for (const w of [july, julyAgain, undated]) await addLegacySnapshot(w, "green");

    const list = await runAsUser(ws.users.viewer, () => listSnapshots(modelId, { limit: 10 }));
    // The undated upload ends on 1 August (its upload time), after both July windows; of those, the later upload wins.
    expect(list.map((s) => s.window.label)).toEqual(["Upload of 2026-08-01", "2026-07 again", "2026-07", "reference"]);
    const page2 = await runAsUser(ws.users.viewer, () => listSnapshots(modelId, { limit: 2, before: list[1]!.id }));
    expect(page2.map((s) => s.window.label)).toEqual(["2026-07", "reference"]);

    const health = await runAsUser(ws.users.viewer, () => getModelHealth(modelId));
    expect(health.latest?.windowLabel).toBe("Upload of 2026-08-01");
    // Stored before version 2: it still reads, and says what it lacks.
    expect(health.latest?.content.schemaVersion).toBe(1);
    expect(isLegacySnapshot(health.latest!.content)).toBe(true);
    expect(health.windows.map((w) => w.windowLabel)).toEqual(["reference", "2026-07", "2026-07 again", "Upload of 2026-08-01"]);
  });

  it("marks the older snapshot superseded when a newer evaluation of the same window is written", async () => {
    const windowId = await addWindow("2026-09", new Date("2026-09-30T23:59:59Z"), new Date("2026-10-01T00:00:00Z"));
    const old = await addLegacySnapshot(windowId, "red");
    const content: SnapshotContent = { schemaVersion: 2, scorecard: null, drift, fairness: null, verdicts: verdicts("green"), narrative: ["It is green."], distributions: [], slices: null, dataQuality: null, isReference: false };
    const fresh: EvaluatedSnapshot = { versionId, key: windowId, inputHash: "b".repeat(64), policyId, content };
    const db = await getDb();
    await db.$transaction((tx) => writeSnapshots(tx, [fresh], (key) => key, "policy version 2"));

    const list = await runAsUser(ws.users.viewer, () => listSnapshots(modelId, { limit: 2 }));
    expect(list.map((s) => [s.window.label, s.superseded, s.lights.overall])).toEqual([
      ["2026-09", false, "green"],
      ["2026-09", true, "red"],
    ]);
    expect(list[1]!.id).toBe(old);
    const health = await runAsUser(ws.users.viewer, () => getModelHealth(modelId));
    expect(health.latest?.verdicts.overall.light).toBe("green");
    expect(health.latest?.content.schemaVersion).toBe(2);
    const mark = await db.snapshotSupersession.findUniqueOrThrow({ where: { snapshotId: old } });
    expect(mark.reason).toBe("policy version 2");
  });

  it("refuses to edit a stored snapshot", async () => {
    const db = await getDb();
    const any = await db.snapshot.findFirstOrThrow({ where: { modelVersionId: versionId } });
    await expect(db.snapshot.update({ where: { id: any.id }, data: { inputHash: "c".repeat(64) } })).rejects.toThrow(/immutable/);
    expect((await db.snapshot.findUniqueOrThrow({ where: { id: any.id } })).inputHash).toBe(any.inputHash);
  });

  it("refuses an unknown `before` with the parameter's name", async () => {
    await expect(runAsUser(ws.users.viewer, () => listSnapshots(modelId, { limit: 5, before: "nope" }))).rejects.toThrow("`before`");
  });
});
