// The upload pipeline over real HTTP: a bad file gets a clear 4xx and nothing is stored; the same files
// uploaded through the UI and through the API give the same snapshot.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { createModelThroughForm } from "./support/models";
import { signIn, signedInPage } from "./support/session";

const BAD = path.join(process.cwd(), "tests/fixtures/bad");
const DEMO = path.join(process.cwd(), "prisma/demo");

/** Files refused whatever the model (tests/fixtures/bad/README.md, "Refused at upload"). */
const BAD_DATA = [
  "empty.csv", "blank-lines-only.csv", "header-only.csv", "binary-garbage.csv", "workbook-renamed.csv", "gzip-compressed.csv",
  "pdf-renamed.csv", "mixed-encoding.csv", "too-many-columns.csv", "ragged-rows.csv", "unbalanced-quotes.csv", "bad-closing-quote.csv",
  "duplicate-columns.csv", "unnamed-column.csv", "no-header.csv", "cell-too-long.csv", "truncated.parquet", "not-a-parquet.parquet",
  "zero-byte.parquet", "random-bytes.parquet", "json-column.parquet", "header-only.parquet", "not-a-list.json",
];
/** Data files refused because they do not fit the demo model (labels, features). */
const BAD_FOR_MODEL = ["three-class-label.csv", "missing-feature-columns.csv", "positive-label-missing.csv"];
const BAD_ONNX = fs.readdirSync(BAD).filter((f) => f.endsWith(".onnx"));

interface ModelSummary {
  id: string;
  name: string;
  versionCount: number;
  windowCount: number;
}

async function models(request: APIRequestContext): Promise<ModelSummary[]> {
  const response = await request.get("/api/v1/models");
  expect(response.status()).toBe(200);
  return ((await response.json()) as { models: ModelSummary[] }).models;
}

async function waitForJob(request: APIRequestContext, jobId: string): Promise<{ status: string; error: string | null }> {
  for (let i = 0; i < 240; i++) {
    const job = (await (await request.get(`/api/v1/jobs/${jobId}`)).json()) as { status: string; error: string | null };
    if (!["queued", "running"].includes(job.status)) return job;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`job ${jobId} did not finish`);
}

test("bad files get a 4xx that names the file and says what to fix, and nothing is stored", async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await signedInPage(browser, "analyst@example.com");
  const before = (await models(page.request)).find((m) => m.name === "Income screener")!;
  expect(before.windowCount).toBeGreaterThan(0);

  for (const file of [...BAD_DATA, ...BAD_FOR_MODEL]) {
    const response = await page.request.post(`/api/v1/models/${before.id}/data?kind=production&file=${encodeURIComponent(file)}`, {
      data: fs.readFileSync(path.join(BAD, file)),
      headers: { "Content-Type": "application/octet-stream" },
    });
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(response.status(), `${file}: ${body.error?.message}`).toBeGreaterThanOrEqual(400);
    expect(response.status(), file).toBeLessThan(500);
    expect(body.error.message, file).toContain(file);
    expect(body.error.message.length, file).toBeGreaterThan(file.length + 30); // a problem and a fix, not just the name
  }
  for (const file of BAD_ONNX) {
    const response = await page.request.post(`/api/v1/models/${before.id}/versions?file=${encodeURIComponent(file)}`, {
      data: fs.readFileSync(path.join(BAD, file)),
      headers: { "Content-Type": "application/octet-stream" },
    });
    const body = (await response.json()) as { error: { message: string } };
    expect(response.status(), `${file}: ${body.error?.message}`).toBe(422);
    expect(body.error.message, file).toContain(file);
  }
  const after = (await models(page.request)).find((m) => m.name === "Income screener")!;
  expect(after.windowCount).toBe(before.windowCount);
  expect(after.versionCount).toBe(before.versionCount);
});

test("the same files uploaded through the UI and through the API give the same snapshot", async ({ browser }) => {
  test.setTimeout(240_000);
  const page = await signedInPage(browser, "analyst@example.com");
  const stamp = Date.now();

  // Through the UI.
  const uiModel = await createModelThroughForm(page, `Twin via UI ${stamp}`);
  await page.getByLabel("Model file (.onnx)").setInputFiles(path.join(DEMO, "models/income-screener-v1.onnx"));
  await page.getByRole("button", { name: "Upload version" }).click();
  await expect(page.getByText("Version 1 was accepted.")).toBeVisible({ timeout: 30_000 });
  await page.getByLabel("What are you uploading?").selectOption("reference");
  await page.getByLabel("File (CSV, Parquet or JSON rows)").setInputFiles(path.join(DEMO, "data/income-reference.csv"));
  await page.getByRole("button", { name: "Check file" }).click();
  // The detected columns are shown for confirmation before anything is stored.
  await expect(page.getByTestId("upload-preview")).toContainText("19,537 rows");
  await expect(page.getByLabel("True outcome")).toHaveValue("income");
  await expect(page.getByLabel("Row id")).toHaveValue("id");
  await page.getByRole("button", { name: "Upload and evaluate" }).click();
  await expect(page.getByTestId("job-progress").first()).toHaveAttribute("data-status", "succeeded", { timeout: 90_000 });
  await page.getByLabel("What are you uploading?").selectOption("production");
  await page.getByLabel("Split into periods by its date column").selectOption("month");
  await page.getByLabel("File (CSV, Parquet or JSON rows)").setInputFiles(path.join(DEMO, "data/income-production.csv"));
  await page.getByRole("button", { name: "Check file" }).click();
  await expect(page.getByTestId("upload-preview")).toContainText("in 6 periods (2026-05 to 2026-10)");
  await expect(page.getByLabel("Date", { exact: true })).toHaveValue("timestamp");
  await page.getByRole("button", { name: "Upload and evaluate" }).click();
  await expect(page.getByText(/9,000 rows accepted in 6 periods/)).toBeVisible({ timeout: 30_000 });
  // This upload's job (the list also holds the reference's, already done): its summary names the six periods.
  await expect(page.getByTestId("job-progress").filter({ hasText: "6 periods (2026-05 to 2026-10)" }).first()).toHaveAttribute("data-status", "succeeded", { timeout: 120_000 });
  await expect(page.getByTestId("window-timeline").locator("tr[data-window='2026-10']")).toBeVisible();

  // Through the API, with a pipeline's token.
  const apiModel = await createModelThroughForm(page, `Twin via API ${stamp}`);
  const owner = await signedInPage(browser, "owner@example.com");
  await owner.goto("/settings/tokens");
  await owner.getByLabel("What will use this token?").fill(`twin ${stamp}`);
  // This pipeline also uploads model versions.
  await owner.getByRole("checkbox", { name: /versions:manage/ }).check();
  await owner.getByRole("button", { name: "Create token" }).click();
  const token = await owner.getByTestId("new-token").inputValue();
  const auth = { Authorization: `Bearer ${token}`, "Content-Type": "application/octet-stream" };
  const api = page.request;
  const version = await api.post(`/api/v1/models/${apiModel}/versions?file=income-screener-v1.onnx`, {
    data: fs.readFileSync(path.join(DEMO, "models/income-screener-v1.onnx")),
    headers: auth,
  });
  expect(version.status()).toBe(201);
  for (const [kind, file] of [["reference", "income-reference.csv"], ["production", "income-production.csv"]] as const) {
    const response = await api.post(`/api/v1/models/${apiModel}/data?kind=${kind}&splitBy=month&file=${file}`, {
      data: fs.readFileSync(path.join(DEMO, "data", file)),
      headers: auth,
    });
    expect(response.status()).toBe(202);
    const { jobId } = (await response.json()) as { jobId: string };
    expect(await waitForJob(api, jobId)).toMatchObject({ status: "succeeded", error: null });
  }

  const latest = async (id: string) => {
    const response = await api.get(`/api/v1/models/${id}/snapshots/latest`, { headers: { Authorization: `Bearer ${token}` } });
    expect(response.status()).toBe(200);
    return (await response.json()) as { inputHash: string; window: { label: string }; verdicts: unknown; scorecard: unknown; drift: unknown; fairness: unknown; snapshotId: string };
  };
  const [viaUi, viaApi] = [await latest(uiModel), await latest(apiModel)];
  expect(viaUi.window.label).toBe("2026-10");
  expect(viaApi.inputHash).toBe(viaUi.inputHash);
  expect(viaApi.snapshotId).not.toBe(viaUi.snapshotId);
  expect(viaApi.scorecard).toEqual(viaUi.scorecard);
  expect(viaApi.drift).toEqual(viaUi.drift);
  expect(viaApi.fairness).toEqual(viaUi.fairness);
  expect(viaApi.verdicts).toEqual(viaUi.verdicts);

  // A version uploaded after the data is evaluated on all of it (reference + six months).
  const v2 = await api.post(`/api/v1/models/${apiModel}/versions?file=income-screener-v2.onnx`, {
    data: fs.readFileSync(path.join(DEMO, "models/income-screener-v2.onnx")),
    headers: auth,
  });
  expect(v2.status()).toBe(201);
  const { jobId, version: number } = (await v2.json()) as { jobId: string; version: number };
  expect(number).toBe(2);
  expect(await waitForJob(api, jobId)).toMatchObject({ status: "succeeded" });
  const job = (await (await api.get(`/api/v1/jobs/${jobId}`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { result: { snapshots: number } };
  expect(job.result.snapshots).toBe(7);
});

test("the demo models arrive with snapshots made by the pipeline", async ({ page }) => {
  await signIn(page, "viewer@example.com");
  await page.getByRole("heading", { name: "Income screener" }).click();
  const timeline = page.getByTestId("window-timeline");
  for (const month of ["2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"]) {
    await expect(timeline.locator(`tr[data-window='${month}']`)).toBeVisible();
  }
  await expect(page.getByTestId("metric-table").locator("tr[data-metric='accuracy']")).toContainText("sklearn.metrics.accuracy_score");
  // Viewers read; they do not upload.
  await expect(page.getByRole("heading", { name: "Add data" })).toHaveCount(0);
});

test("labels that arrive later are joined by id and the window is evaluated again", async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await signedInPage(browser, "analyst@example.com");
  const api = page.request;
  const modelId = await createModelThroughForm(page, `Late labels ${Date.now()}`);
  const octet = { "Content-Type": "application/octet-stream" };
  expect((await api.post(`/api/v1/models/${modelId}/versions?file=v1.onnx`, { data: fs.readFileSync(path.join(DEMO, "models/income-screener-v1.onnx")), headers: octet })).status()).toBe(201);
  const push = async (query: string, data: Buffer | string) => {
    const response = await api.post(`/api/v1/models/${modelId}/${query}`, { data, headers: octet });
    const body = (await response.json()) as { jobId?: string; matchedRows?: number; error?: { message: string } };
    expect(response.status(), body.error?.message).toBe(202);
    expect(await waitForJob(api, body.jobId!)).toMatchObject({ status: "succeeded" });
    return body;
  };
  await push("data?kind=reference&file=income-reference.csv", fs.readFileSync(path.join(DEMO, "data/income-reference.csv")));

  // A production batch without its outcome column (the last one, "income").
  const lines = fs.readFileSync(path.join(DEMO, "data/income-production.csv"), "utf8").trim().split("\n").slice(0, 1201);
  const withoutLabels = lines.map((l) => l.slice(0, l.lastIndexOf(","))).join("\n");
  await push("data?kind=production&file=batch.csv", withoutLabels);
  const latest = async () => (await (await api.get(`/api/v1/models/${modelId}/snapshots/latest`)).json()) as {
    scorecard: { labelledRows: number } | null;
    verdicts: { performance: { light: string } };
  };
  const before = await latest();
  expect(before.verdicts.performance.light).toBe("gray");

  // Outcomes for the first 1,000 rows arrive.
  const labels = ["id,income", ...lines.slice(1, 1001).map((l) => `${l.split(",")[0]},${l.slice(l.lastIndexOf(",") + 1)}`)].join("\n");
  const accepted = await push("labels?file=labels.csv", labels);
  expect(accepted.matchedRows).toBe(1000);
  const after = await latest();
  expect(after.scorecard?.labelledRows).toBe(1000);
  expect(after.verdicts.performance.light).not.toBe("gray");

  // Ids that match nothing are refused, naming the file.
  const refused = await api.post(`/api/v1/models/${modelId}/labels?file=stray.csv`, { data: "id,income\nnope-1,>50K\nnope-2,<=50K\n", headers: octet });
  expect(refused.status()).toBe(422);
  expect(((await refused.json()) as { error: { message: string } }).error.message).toContain("stray.csv: None of the ids in the file match");
});

test("the upload form lets people choose each column, None included, and says in its own words what to fix", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await signedInPage(browser, "analyst@example.com");
  const model = await createModelThroughForm(page, `Columns chosen ${Date.now()}`);
  await page.getByLabel("Model file (.onnx)").setInputFiles(path.join(DEMO, "models/income-screener-v1.onnx"));
  await page.getByRole("button", { name: "Upload version" }).click();
  await expect(page.getByText("Version 1 was accepted.")).toBeVisible({ timeout: 30_000 });
  await page.getByLabel("What are you uploading?").selectOption("reference");
  await page.getByLabel("File (CSV, Parquet or JSON rows)").setInputFiles(path.join(DEMO, "data/income-reference.csv"));
  await page.getByRole("button", { name: "Check file" }).click();
  await expect(page.getByLabel("True outcome")).toHaveValue("income");
  // "None" is a real choice: nothing is guessed in its place, and the form says what to do in its own words.
  await page.getByLabel("True outcome").selectOption("none");
  await page.getByRole("button", { name: "Check again with these columns" }).click();
  const problems = page.getByTestId("upload-problems");
  await expect(problems).toContainText('Choose the column with the true outcome under "True outcome" below');
  await expect(problems).not.toContainText("?label=");
  await expect(page.getByRole("button", { name: "Upload and evaluate" })).toBeDisabled();
  await page.getByLabel("True outcome").selectOption("income");
  await page.getByRole("button", { name: "Check again with these columns" }).click();
  await expect(problems).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Upload and evaluate" })).toBeEnabled();
  // The API names its parameter.
  const bad = await page.request.post(`/api/v1/models/${model}/data?kind=reference&header=maybe`, { data: "a,b\n1,2\n" });
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { error: { message: string } }).error.message).toContain('The header parameter must be "first"');
});
