// Files as their owners have them (issue 11), each through the API and through the page, ending in numbers checked
// against values computed here or in a clear refusal with nothing stored: a CSV without a header row, a file whose id
// column repeats, a Parquet file compressed with zstd, and a regressor trained on log10 of its target.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { buildModel, floatTensor, node, tensorValue } from "../../prisma/demo/training/onnx-builder";
import { COMPRESSED_COLUMNS, COMPRESSED_ROWS } from "../fixtures/ingest/compressed-table";
import { logTargetPrice, rawScoreProbability } from "../fixtures/onnx/processing-fixtures";
import { createApiToken, waitForJob } from "./support/models";
import { alertOf, signedInPage } from "./support/session";

const ONNX = path.join(process.cwd(), "tests/fixtures/onnx");
const ZSTD_PARQUET = path.join(process.cwd(), "tests/fixtures/ingest/compressed-zstd.parquet");
const octet = { "Content-Type": "application/octet-stream" };
const SIGMOID = { transform: { kind: "sigmoid" } };

interface Scorecard {
  rows: number;
  labelledRows: number;
  metrics: { name: string; value: number | null }[];
}

async function createModel(api: APIRequestContext, label: string, task: "binary" | "regression", positiveLabel = "1"): Promise<string> {
  const response = await api.post("/api/v1/models", {
    data: { name: `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`, purpose: "Checks files as their owners have them.", task, ...(task === "binary" ? { positiveLabel } : {}) },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { model: { id: string } }).model.id;
}

async function uploadVersion(api: APIRequestContext, modelId: string, bytes: Buffer | Uint8Array, query = ""): Promise<void> {
  const response = await api.post(`/api/v1/models/${modelId}/versions?file=model.onnx${query}`, { data: Buffer.from(bytes), headers: octet });
  expect(response.status(), await response.text()).toBe(201);
  const jobId = ((await response.json()) as { jobId: string | null }).jobId;
  if (jobId) await waitForJob(api, jobId);
}

/** The raw-score yes/no fixture with the sigmoid declared, reading the columns given; returns the model's id. */
async function rawScoreModel(api: APIRequestContext, label: string, columns: readonly [string, string]): Promise<string> {
  const modelId = await createModel(api, label, "binary");
  const query = `&processing=${encodeURIComponent(JSON.stringify(SIGMOID))}&inputMapping=${encodeURIComponent(JSON.stringify({ x: columns }))}`;
  await uploadVersion(api, modelId, fs.readFileSync(path.join(ONNX, "raw-score-classifier.onnx")), query);
  return modelId;
}

/** Posts a data file through the API (a token's header when given) and waits for its job; returns the answer when refused. */
async function postData(api: APIRequestContext, modelId: string, query: string, body: Buffer, headers: Record<string, string> = {}): Promise<{ status: number; message: string }> {
  const response = await api.post(`/api/v1/models/${modelId}/data?${query}`, { data: body, headers: { ...octet, ...headers } });
  const json = (await response.json()) as { jobId?: string; error?: { message: string } };
  if (response.status() === 202) {
    const status = async () => ((await (await api.get(`/api/v1/jobs/${json.jobId}`, { headers })).json()) as { status: string }).status;
    await expect.poll(status, { timeout: 60_000, intervals: [500] }).toBe("succeeded");
  }
  return { status: response.status(), message: json.error?.message ?? "" };
}

async function windowCount(api: APIRequestContext, modelId: string): Promise<number> {
  return ((await (await api.get(`/api/v1/models/${modelId}`)).json()) as { model: { windowCount: number } }).model.windowCount;
}

async function latestScorecard(api: APIRequestContext, modelId: string): Promise<Scorecard & { metric: (name: string) => number | null | undefined }> {
  const response = await api.get(`/api/v1/models/${modelId}/snapshots/latest`);
  expect(response.status(), await response.text()).toBe(200);
  const card = ((await response.json()) as { scorecard: Scorecard }).scorecard;
  return { ...card, metric: (name) => card.metrics.find((m) => m.name === name)?.value };
}

/** 200 rows of u and v with a true outcome (the model's own answer, flipped every 7th row), and the accuracy expected. */
function yesNoRows(): { rows: { u: number; v: number; truth: number }[]; accuracy: number } {
  let right = 0;
  const rows = Array.from({ length: 200 }, (_, i) => {
    const u = ((i * 37) % 101) / 25 - 2;
    const v = ((i * 53) % 97) / 24 - 2;
    const said = rawScoreProbability(u, v) >= 0.5 ? 1 : 0;
    const truth = i % 7 === 0 ? 1 - said : said;
    if (truth === said) right++;
    return { u, v, truth };
  });
  return { rows, accuracy: right / rows.length };
}

/** Chooses a file in the model page's upload form and checks it. */
async function checkFile(page: Page, modelId: string, file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  await page.goto(`/models/${modelId}`);
  await page.getByLabel("What are you uploading?").selectOption("reference");
  await page.getByLabel("File (CSV, Parquet or JSON rows)").setInputFiles(file);
  await page.getByRole("button", { name: "Check file" }).click();
}

async function uploadChecked(page: Page): Promise<void> {
  const upload = page.getByRole("button", { name: "Upload and evaluate" });
  await expect(upload).toBeEnabled();
  await expect(page.getByTestId("upload-problems")).toHaveCount(0);
  await upload.click();
  await expect(page.getByTestId("job-progress").first()).toHaveAttribute("data-status", "succeeded", { timeout: 60_000 });
}

test("a CSV without a header row: refused with a hint to the option, then read with header=none and 'First row is data'", async ({ browser }) => {
  const page = await signedInPage(browser, "owner@example.com");
  const api = page.request;
  const { rows, accuracy } = yesNoRows();
  const csv = Buffer.from(rows.map((r) => `${r.u},${r.v},${r.truth}`).join("\n") + "\n");

  // API: refused without the option (nothing stored), read with it; columns are named by position.
  const apiModel = await rawScoreModel(api, "No header API", ["column_1", "column_2"]);
  const refused = await postData(api, apiModel, "kind=reference&file=no-header.csv&label=column_3", csv);
  expect(refused.status).toBe(422);
  expect(refused.message).toContain("header=none");
  expect(await windowCount(api, apiModel)).toBe(0);
  expect((await postData(api, apiModel, "kind=reference&file=no-header.csv&header=none&label=column_3", csv)).status).toBe(202);
  const apiCard = await latestScorecard(api, apiModel);
  expect(apiCard.labelledRows).toBe(200);
  expect(apiCard.metric("accuracy")).toBeCloseTo(accuracy, 12);

  // The page: refused with a hint to the box; with it ticked, the columns are column_1… and the outcome is chosen.
  const uiModel = await rawScoreModel(api, "No header UI", ["column_1", "column_2"]);
  const file = { name: "no-header.csv", mimeType: "text/csv", buffer: csv };
  await checkFile(page, uiModel, file);
  await expect(alertOf(page)).toContainText('"First row is data" on the upload form');
  await page.getByLabel(/^First row is data/).check();
  await page.getByLabel("File (CSV, Parquet or JSON rows)").setInputFiles(file);
  await page.getByRole("button", { name: "Check file" }).click();
  await expect(page.getByTestId("upload-preview")).toContainText("200 rows and 3 columns");
  await page.getByLabel("True outcome").selectOption("column_3");
  await page.getByRole("button", { name: "Check again with these columns" }).click();
  await uploadChecked(page);
  const uiCard = await latestScorecard(api, uiModel);
  expect(uiCard.labelledRows).toBe(200);
  expect(uiCard.metric("accuracy")).toBeCloseTo(accuracy, 12);
  expect(await windowCount(api, uiModel)).toBe(1);
});

test("a file whose id repeats: refused while the id column is chosen, in each surface's words; accepted with id none", async ({ browser, request }) => {
  const page = await signedInPage(browser, "owner@example.com");
  const api = page.request;
  const { rows, accuracy } = yesNoRows();
  // One id repeats: row 8 of the file (the 7th data row) has the id of row 4.
  const csv = Buffer.from(["customer_id,u,v,outcome", ...rows.map((r, i) => `C-${i === 6 ? 2 : i},${r.u},${r.v},${r.truth}`)].join("\n") + "\n");

  // API, as a pipeline with a token: the refusal names the id parameter; nothing is stored; id=none is read.
  const token = { Authorization: `Bearer ${await createApiToken(page, `own files ${Date.now().toString(36)}`)}` };
  const apiModel = await rawScoreModel(api, "Repeated ids API", ["u", "v"]);
  const refused = await postData(request, apiModel, "kind=reference&file=ids.csv&label=outcome&id=customer_id", csv, token);
  expect(refused.status).toBe(422);
  expect(refused.message).toContain('The id "C-2" is used again');
  expect(refused.message).toContain("the id parameter (?id=COLUMN), or send id=none");
  expect(await windowCount(api, apiModel)).toBe(0);
  expect((await postData(request, apiModel, "kind=reference&file=ids.csv&label=outcome&id=none", csv, token)).status).toBe(202);
  expect((await latestScorecard(api, apiModel)).metric("accuracy")).toBeCloseTo(accuracy, 12);

  // The page: the check lists the problem in the form's words with the columns to choose from; "None" fixes it.
  const uiModel = await rawScoreModel(api, "Repeated ids UI", ["u", "v"]);
  await checkFile(page, uiModel, { name: "ids.csv", mimeType: "text/csv", buffer: csv });
  await expect(page.getByLabel("Row id")).toHaveValue("customer_id");
  const problems = page.getByTestId("upload-problems");
  await expect(problems).toContainText('The id "C-2" is used again');
  await expect(problems).toContainText('choose another column under "Row id" below, or "None"');
  await expect(problems).not.toContainText("?id=");
  await expect(page.getByRole("button", { name: "Upload and evaluate" })).toBeDisabled();
  await page.getByLabel("Row id").selectOption("none");
  await page.getByLabel("True outcome").selectOption("outcome");
  await page.getByRole("button", { name: "Check again with these columns" }).click();
  await uploadChecked(page);
  const card = await latestScorecard(api, uiModel);
  expect(card.labelledRows).toBe(200);
  expect(card.metric("accuracy")).toBeCloseTo(accuracy, 12);
});

/** A number model on `hours` alone: it answers 0.5 × hours + 30 (exact in float32 for the fixture's half hours). */
const HOURS_MODEL = buildModel({
  graphName: "hours_model",
  inputs: [tensorValue("features", "float32", ["N", 1])],
  outputs: [tensorValue("variable", "float32", ["N", 1])],
  nodes: [node("MatMul", ["features", "w"], ["product"]), node("Add", ["product", "b"], ["variable"])],
  initializers: [floatTensor("w", [0.5], [1, 1]), floatTensor("b", [30], [1])],
  metadata: { feature_names: "hours" },
});

/** The zstd fixture's rows (compressed-table.ts) under HOURS_MODEL, with age as the true value: rows without an age are left out. */
function hoursExpected(): { labelled: number; mae: number } {
  let labelled = 0;
  let error = 0;
  COMPRESSED_COLUMNS.hours.forEach((hours, i) => {
    const age = COMPRESSED_COLUMNS.age[i];
    if (age === null || age === undefined) return;
    labelled++;
    error += Math.abs(age - (0.5 * hours + 30));
  });
  return { labelled, mae: error / labelled };
}

test("a Parquet file compressed with zstd is read through the API and the page, and scored", async ({ browser }) => {
  const page = await signedInPage(browser, "owner@example.com");
  const api = page.request;
  const expected = hoursExpected();
  expect(expected.labelled).toBeLessThan(COMPRESSED_ROWS); // some ages are missing in the file
  const expectScored = async (modelId: string) => {
    const card = await latestScorecard(api, modelId);
    expect(card.rows).toBe(COMPRESSED_ROWS);
    expect(card.labelledRows).toBe(expected.labelled);
    expect(Math.abs(card.metric("mae")! - expected.mae)).toBeLessThan(1e-9);
  };

  const apiModel = await createModel(api, "Zstd API", "regression");
  await uploadVersion(api, apiModel, HOURS_MODEL);
  expect((await postData(api, apiModel, "kind=reference&file=compressed-zstd.parquet&label=age", fs.readFileSync(ZSTD_PARQUET))).status).toBe(202);
  await expectScored(apiModel);

  const uiModel = await createModel(api, "Zstd UI", "regression");
  await uploadVersion(api, uiModel, HOURS_MODEL);
  await checkFile(page, uiModel, ZSTD_PARQUET);
  await expect(page.getByTestId("upload-preview")).toContainText(`${COMPRESSED_ROWS} rows and 4 columns`);
  await page.getByLabel("True outcome").selectOption("age");
  await page.getByRole("button", { name: "Check again with these columns" }).click();
  await uploadChecked(page);
  await expectScored(uiModel);
});

test("a regressor trained on log10 of the price, declared 10^x through the API and the version page: its error is the one computed here", async ({ browser }) => {
  const page = await signedInPage(browser, "owner@example.com");
  const api = page.request;
  const model = fs.readFileSync(path.join(ONNX, "log-target-regressor.onnx"));
  // 60 houses; the true price is the model's own price off by a known share, so the error is far from 0 and from the log.
  const houses = Array.from({ length: 60 }, (_, i) => {
    const rooms = 1 + (i % 7);
    const area = 40 + ((i * 23) % 160);
    return { id: `h${i}`, rooms, area, price: Math.round(logTargetPrice(rooms, area) * (1 + ((i % 5) - 2) / 20)) };
  });
  const csv = Buffer.from(["id,rooms,area,price", ...houses.map((h) => `${h.id},${h.rooms},${h.area},${h.price}`)].join("\n") + "\n");
  const mae = houses.reduce((sum, h) => sum + Math.abs(h.price - logTargetPrice(h.rooms, h.area)), 0) / houses.length;
  expect(mae).toBeGreaterThan(1000);
  const expectMae = async (modelId: string) => {
    expect((await postData(api, modelId, "kind=reference&file=houses.csv&label=price&id=id", csv)).status).toBe(202);
    const card = await latestScorecard(api, modelId);
    expect(card.labelledRows).toBe(houses.length);
    expect(Math.abs(card.metric("mae")! - mae)).toBeLessThan(1e-6 * mae);
  };

  // API: the upload's processing parameter.
  const apiModel = await createModel(api, "Log price API", "regression");
  await uploadVersion(api, apiModel, model, `&processing=${encodeURIComponent(JSON.stringify({ transform: { kind: "pow10" }, meaning: { kind: "number", unit: "EUR" } }))}`);
  await expectMae(apiModel);

  // The page: the version page's processing form.
  const uiModel = await createModel(api, "Log price UI", "regression");
  await uploadVersion(api, uiModel, model);
  await page.goto(`/models/${uiModel}/versions/1`);
  await page.getByText("Change the processing").click();
  await page.getByLabel("What happens to the model's answer").selectOption("pow10");
  await page.getByRole("button", { name: "Save the processing" }).click();
  await expect(page.getByTestId("processing-steps")).toContainText("its answer x becomes 10 to the power x");
  await expectMae(uiModel);
});
