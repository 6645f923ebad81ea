// Evidence over real HTTP: a category model gets a scorecard with the numbers computed independently here;
// "latest" is the newest upload even within one minute; the snapshots list pages newest first; a policy
// change re-judges the stored windows and marks the old snapshots superseded.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { linearZipMapStrings } from "../fixtures/onnx/fixture-models";
import { createModelThroughForm, waitForJob } from "./support/models";
import { signedInPage } from "./support/session";

const ONNX = path.join(process.cwd(), "tests/fixtures/onnx");
const DEMO = path.join(process.cwd(), "prisma/demo");
const octet = { "Content-Type": "application/octet-stream" };
const ANIMALS = "Sorts each animal photo into cat, dog or eel.";

async function push(api: APIRequestContext, url: string, data: Buffer | string): Promise<void> {
  const response = await api.post(url, { data, headers: octet });
  const body = (await response.json()) as { jobId?: string | null; error?: { message: string } };
  expect([201, 202], body.error?.message).toContain(response.status());
  // A version uploaded before any data has nothing to evaluate, so no job.
  if (body.jobId) await waitForJob(api, body.jobId);
}

/** Rows a, b, c with a true class: the model's own answer, flipped to the next class for every 7th row. */
function categoryRows(n: number, seed: number): { csv: string; truth: string[]; predicted: string[] } {
  let s = seed >>> 0;
  const rand = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32) * 4 - 2;
  const classes = ["cat", "dog", "eel"];
  const lines = ["a,b,c,animal"];
  const truth: string[] = [];
  const predicted: string[] = [];
  for (let i = 0; i < n; i++) {
    const row = [rand(), rand(), rand()].map((v) => Math.round(v * 1000) / 1000) as [number, number, number];
    const columns = { a: Float64Array.of(row[0]), b: Float64Array.of(row[1]), c: Float64Array.of(row[2]) };
    const answer = linearZipMapStrings.reference(columns, 0).label as string;
    const real = i % 7 === 0 ? (classes[(classes.indexOf(answer) + 1) % 3] as string) : answer;
    truth.push(real);
    predicted.push(answer);
    lines.push(`${row.join(",")},${real}`);
  }
  return { csv: `${lines.join("\n")}\n`, truth, predicted };
}

interface Snapshot {
  snapshotId: string;
  window: { label: string; file: string };
  schemaVersion: number;
  scorecard: {
    labelledRows: number;
    classes: string[];
    confusionMatrix: number[][];
    perClass: { label: string; recall: number; precision: number; support: number }[];
    metrics: { name: string; value: number; ci: { lower: number; upper: number } | null }[];
  } | null;
  verdicts: { overall: { light: string; nextStep?: string }; performance: { light: string; reason: string } };
  distributions: { column: string }[];
  slices: { columns: { name: string }[] } | null;
  dataQuality: { rows: number; provenance: { fileName: string; sha256: string; rows: number } | null } | null;
}

test("a category model gets a scorecard whose numbers match an independent count", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await signedInPage(browser, "analyst@example.com");
  const api = page.request;
  const modelId = await createModelThroughForm(page, `Animal sorter ${Date.now()}`, { kind: "Picks a category", purpose: ANIMALS, groups: "" });
  await push(api, `/api/v1/models/${modelId}/versions?file=sorter.onnx`, fs.readFileSync(path.join(ONNX, "linear-zipmap-strings.onnx")));
  await push(api, `/api/v1/models/${modelId}/data?kind=reference&file=reference.csv&label=animal`, categoryRows(400, 1).csv);
  const window = categoryRows(300, 2);
  await push(api, `/api/v1/models/${modelId}/data?kind=production&file=batch.csv&label=animal`, window.csv);

  const latest = (await (await api.get(`/api/v1/models/${modelId}/snapshots/latest`)).json()) as Snapshot;
  expect(latest.schemaVersion).toBe(2);
  expect(latest.window.file).toBe("batch.csv");
  const card = latest.scorecard!;
  expect(card.labelledRows).toBe(300);
  expect(card.classes).toEqual(["cat", "dog", "eel"]);

  // Independent count: accuracy, the confusion matrix and each class's recall.
  const right = window.truth.filter((t, i) => t === window.predicted[i]).length;
  const accuracy = card.metrics.find((m) => m.name === "accuracy")!;
  expect(accuracy.value).toBeCloseTo(right / 300, 12);
  expect(accuracy.ci!.lower).toBeLessThanOrEqual(accuracy.value);
  expect(accuracy.ci!.upper).toBeGreaterThanOrEqual(accuracy.value);
  for (const [r, trueClass] of card.classes.entries()) {
    for (const [c, predClass] of card.classes.entries()) {
      const count = window.truth.filter((t, i) => t === trueClass && window.predicted[i] === predClass).length;
      expect(card.confusionMatrix[r]![c], `${trueClass} -> ${predClass}`).toBe(count);
    }
    const support = window.truth.filter((t) => t === trueClass).length;
    const found = window.truth.filter((t, i) => t === trueClass && window.predicted[i] === trueClass).length;
    const entry = card.perClass.find((p) => p.label === trueClass)!;
    expect(entry.support).toBe(support);
    expect(entry.recall).toBeCloseTo(found / support, 12);
  }
  for (const name of ["balancedAccuracy", "macroF1", "weightedF1", "logLoss", "calibrationError"]) {
    expect(card.metrics.map((m) => m.name), name).toContain(name);
  }
  // Version 2 content: distributions, data quality with provenance, slices of the other columns.
  expect(latest.distributions.map((d) => d.column)).toEqual(expect.arrayContaining(["a", "b", "c"]));
  expect(latest.dataQuality?.provenance).toMatchObject({ fileName: "batch.csv", rows: 300 });
  expect(latest.slices?.columns.map((c) => c.name)).toEqual(expect.arrayContaining(["a"]));
  expect(latest.verdicts.performance.light).not.toBe("gray");

  // The page shows the scorecard and each category, not "No labels yet".
  await page.goto(`/models/${modelId}`);
  await expect(page.getByTestId("metric-table").locator("tr[data-metric='macroF1']")).toBeVisible();
  await expect(page.getByTestId("class-table").locator("tr[data-class='eel']")).toBeVisible();
  await expect(page.getByText("No labels yet")).toHaveCount(0);
});

test("two uploads in the same minute: latest is the newer, and the list pages newest first", async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await signedInPage(browser, "analyst@example.com");
  const api = page.request;
  const modelId = await createModelThroughForm(page, `Same minute ${Date.now()}`, { groups: "" });
  await push(api, `/api/v1/models/${modelId}/versions?file=v1.onnx`, fs.readFileSync(path.join(DEMO, "models/income-screener-v1.onnx")));
  const reference = fs.readFileSync(path.join(DEMO, "data/income-reference.csv"), "utf8").trim().split("\n");
  await push(api, `/api/v1/models/${modelId}/data?kind=reference&file=reference.csv`, `${reference.slice(0, 1501).join("\n")}\n`);
  const lines = fs.readFileSync(path.join(DEMO, "data/income-production.csv"), "utf8").trim().split("\n");
  // Not split by date, so each upload is one window that ends at its upload time (both in the same minute).
  const header = lines[0]!;
  await push(api, `/api/v1/models/${modelId}/data?kind=production&file=first.csv`, [header, ...lines.slice(1, 401)].join("\n"));
  await push(api, `/api/v1/models/${modelId}/data?kind=production&file=second.csv`, [header, ...lines.slice(401, 801)].join("\n"));

  const latest = (await (await api.get(`/api/v1/models/${modelId}/snapshots/latest`)).json()) as Snapshot;
  expect(latest.window.file).toBe("second.csv");

  const list = (await (await api.get(`/api/v1/models/${modelId}/snapshots?limit=2`)).json()) as {
    items: { id: string; window: { label: string; file: string }; superseded: boolean; lights: { overall: string }; href: string }[];
    next: string | null;
  };
  expect(list.items.map((i) => i.window.file)).toEqual(["second.csv", "first.csv"]);
  expect(list.items[0]!.id).toBe(latest.snapshotId);
  expect(list.next).not.toBeNull();
  const rest = (await (await api.get(list.next!)).json()) as { items: { window: { file: string } }[] };
  expect(rest.items.map((i) => i.window.file)).toEqual(["reference.csv"]);
  const one = (await (await api.get(list.items[1]!.href)).json()) as Snapshot;
  expect(one.window.file).toBe("first.csv");

  // Bad parameters are refused with the parameter's name.
  const bad = await api.get(`/api/v1/models/${modelId}/snapshots?limit=1000`);
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { error: { message: string } }).error.message).toContain("`limit`");
  const unknown = await api.get(`/api/v1/models/${modelId}/snapshots?before=nope`);
  expect(unknown.status()).toBe(400);
  expect(((await unknown.json()) as { error: { message: string } }).error.message).toContain("`before`");
});

test("an owner's policy change re-judges the stored windows; old snapshots stay, marked superseded", async ({ browser }) => {
  test.setTimeout(180_000);
  const analyst = await signedInPage(browser, "analyst@example.com");
  const api = analyst.request;
  const modelId = await createModelThroughForm(analyst, `Policy change ${Date.now()}`, { groups: "" });
  await push(api, `/api/v1/models/${modelId}/versions?file=v1.onnx`, fs.readFileSync(path.join(DEMO, "models/income-screener-v1.onnx")));
  const reference = fs.readFileSync(path.join(DEMO, "data/income-reference.csv"), "utf8").trim().split("\n");
  await push(api, `/api/v1/models/${modelId}/data?kind=reference&file=reference.csv`, `${reference.slice(0, 1001).join("\n")}\n`);
  const before = (await (await api.get(`/api/v1/models/${modelId}/snapshots`)).json()) as { items: { id: string; superseded: boolean }[] };
  expect(before.items).toHaveLength(1);

  // The analyst reads the policy but has no form.
  await analyst.goto(`/models/${modelId}/policy`);
  await expect(analyst.getByTestId("policy-summary")).toContainText("ROC AUC");
  await expect(analyst.getByRole("button", { name: "Save as a new policy version" })).toHaveCount(0);

  const owner = await signedInPage(browser, "owner@example.com");
  await owner.goto(`/models/${modelId}/policy`);
  // Without a reason nothing is saved.
  await owner.getByRole("button", { name: "Save as a new policy version" }).click();
  await expect(owner.getByText("Nothing was saved. Check the fields marked below.")).toBeVisible();
  await expect(owner.locator("#reason-error")).toContainText("Say in a few words why the policy changes");
  await owner.getByLabel("Main measure").selectOption("accuracy");
  await owner.getByLabel("Group columns to compare").fill("sex");
  await owner.getByLabel("Why are you changing the policy?").fill("Accuracy is what the loan team tracks.");
  await owner.getByRole("button", { name: "Save as a new policy version" }).click();
  await expect(owner.getByText("The policy is saved as a new version.")).toBeVisible();
  await expect(owner.getByTestId("policy-history")).toContainText("Accuracy is what the loan team tracks.");

  let after: { items: { id: string; superseded: boolean }[] } = { items: [] };
  await expect
    .poll(async () => {
      after = (await (await api.get(`/api/v1/models/${modelId}/snapshots`)).json()) as typeof after;
      return after.items.length;
    }, { timeout: 60_000 })
    .toBe(2);
  expect(after.items.filter((i) => i.superseded).map((i) => i.id)).toEqual([before.items[0]!.id]);
  const current = after.items.find((i) => !i.superseded)!;
  const full = (await (await api.get(`/api/v1/models/${modelId}/snapshots/${current.id}`)).json()) as {
    verdicts: { policyVersion: number };
    slices: { columns: { name: string; kind: string }[] };
  };
  expect(full.verdicts.policyVersion).toBe(2);
  // The group column named in the new policy is compared now.
  expect(full.slices.columns.find((c) => c.name === "sex")?.kind).toBe("sensitive");

  // The audit log records the change with its reason.
  await owner.goto("/audit");
  await expect(owner.getByText("The policy changed to version 2: Accuracy is what the loan team tracks.")).toBeVisible();
});
