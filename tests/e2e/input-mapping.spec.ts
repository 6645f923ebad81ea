// Input mapping and output checks (issue 11): a model with two input tensors is uploaded through the form with its
// column order, the version page shows the mapping in words and lets the owner change it, and the scores follow
// the new mapping (checked against numbers computed here). Through the API: the mapping as JSON, a wrong count
// refused with 422 before the model runs and nothing stored, and a feature transformer refused under every task.
import fs from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./support/a11y";
import { pushData } from "./support/models";
import { signedInPage } from "./support/session";
import { twoInputsPrediction } from "../fixtures/onnx/input-mapping-fixtures";

const FIXTURES = path.join(process.cwd(), "tests/fixtures/onnx");
const TWO_INPUTS = fs.readFileSync(path.join(FIXTURES, "two-inputs.onnx"));
const CSV = fs.readFileSync(path.join(FIXTURES, "two-inputs.csv"));
const csvRows = Papa.parse<Record<string, string>>(CSV.toString("utf8"), { header: true, skipEmptyLines: true }).data;

async function createModel(api: APIRequestContext, task: "binary" | "multiclass" | "regression", label: string): Promise<string> {
  const response = await api.post("/api/v1/models", {
    data: { name: `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`, purpose: "Tests which columns feed the model.", task, ...(task === "binary" ? { positiveLabel: "1" } : {}) },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { model: { id: string } }).model.id;
}

async function versionCount(api: APIRequestContext, modelId: string): Promise<number> {
  const response = await api.get(`/api/v1/models/${modelId}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { model: { versionCount: number } }).model.versionCount;
}

/** The stored reference snapshot's mean absolute error (the model scored the data through the version's mapping). */
async function referenceMae(api: APIRequestContext, modelId: string): Promise<number> {
  const list = (await (await api.get(`/api/v1/models/${modelId}/snapshots?limit=20`)).json()) as { items: { id: string; superseded: boolean; window: { isReference: boolean } }[] };
  const reference = list.items.find((s) => !s.superseded && s.window.isReference);
  expect(reference).toBeDefined();
  const snapshot = (await (await api.get(`/api/v1/models/${modelId}/snapshots/${reference!.id}`)).json()) as { scorecard: { metrics: { name: string; value: number | null }[] } };
  const mae = snapshot.scorecard.metrics.find((m) => m.name === "mae")?.value;
  expect(typeof mae).toBe("number");
  return mae as number;
}

/** The mean absolute error computed here from the CSV and the model's formula, with `numbers` fed in this order. */
function expectedMae(order: readonly [string, string]): number {
  const errors = csvRows.map((r) => Math.abs(Number(r["spend"]) - twoInputsPrediction([Number(r[order[0]]), Number(r[order[1]])], Number(r["tenure"]))));
  return errors.reduce((a, b) => a + b, 0) / errors.length;
}

test("the owner uploads a two-input model through the form, checks and changes its mapping, and the scores follow it", async ({ browser }) => {
  const page = await signedInPage(browser, "owner@example.com");
  const modelId = await createModel(page.request, "regression", "Two inputs UI");
  await page.goto(`/models/${modelId}`);
  await page.getByText("The model does not name its columns, or has several inputs?").click();
  await page.getByLabel("Column order (optional)").fill("numbers: age, income");
  await page.getByLabel("Model file (.onnx)").setInputFiles({ name: "two-inputs.onnx", mimeType: "application/octet-stream", buffer: TWO_INPUTS });
  await page.getByRole("button", { name: "Upload version" }).click();
  await expect(page.getByText("Version 1 was accepted. Sightline chose which columns feed its 2 inputs")).toBeVisible();

  await page.goto(`/models/${modelId}/versions/1`);
  const rows = page.getByTestId("input-mapping-row");
  await expect(rows).toHaveText([/The input 'numbers' reads 2 columns, in this order: age, income\./, /The input 'tenure' reads the column 'tenure'\./]);

  // A wrong count is refused in the page's words; nothing changes.
  await page.getByText("Change the columns").click();
  const numbers = page.getByLabel("numbers (2 columns, in order)");
  await numbers.fill("income");
  await page.getByRole("button", { name: "Save the mapping" }).click();
  await expect(page.getByTestId("input-mapping-result")).toHaveText(
    "The model's input 'numbers' needs 2 values per row; the mapping gives 1. Fix the field for 'numbers' below. List 2 columns, in the order the model was trained on.",
  );
  await expect(numbers).toHaveValue("income"); // the refused mapping stays in the field to fix
  await numbers.fill("income, age");
  await page.getByRole("button", { name: "Save the mapping" }).click();
  await expect(page.getByTestId("input-mapping-result")).toHaveText("The mapping was saved. Sightline scores the stored data again with it.");
  await expect(rows.first()).toHaveText(/in this order: income, age\./);
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);

  // Data scored through the stored mapping: income goes first now (with age first the error would differ).
  await pushData(page.request, modelId, "kind=reference&file=two-inputs.csv&label=spend&id=id", CSV);
  expect(expectedMae(["income", "age"])).not.toBeCloseTo(expectedMae(["age", "income"]), 2);
  expect(await referenceMae(page.request, modelId)).toBeCloseTo(expectedMae(["income", "age"]), 6);
});

test("the API takes the mapping as JSON and refuses a wrong count with 422 before the model runs, storing nothing", async ({ browser }) => {
  const page = await signedInPage(browser, "owner@example.com");
  const api = page.request;
  const modelId = await createModel(api, "regression", "Two inputs API");
  // A pipeline's token that may upload versions: refusals then speak of the API's parameter.
  await page.goto("/settings/tokens");
  await page.getByLabel("What will use this token?").fill(`mapping ${Date.now().toString(36)}`);
  await page.getByRole("checkbox", { name: /versions:manage/ }).check();
  await page.getByRole("button", { name: "Create token" }).click();
  const token = await page.getByTestId("new-token").inputValue();
  const auth = { Authorization: `Bearer ${token}` };
  const upload = (mapping: unknown) =>
    api.post(`/api/v1/models/${modelId}/versions?file=two-inputs.onnx&inputMapping=${encodeURIComponent(JSON.stringify(mapping))}`, {
      data: TWO_INPUTS,
      headers: { ...auth, "Content-Type": "application/octet-stream" },
    });

  const wrong = await upload({ numbers: ["age", "income", "tenure"], tenure: "tenure" });
  expect(wrong.status()).toBe(422);
  expect(((await wrong.json()) as { error: { code: string; message: string } }).error).toEqual({
    code: "feature_names_mismatch",
    message: "two-inputs.onnx: The model's input 'numbers' needs 2 values per row; the mapping gives 3. Fix the list for 'numbers' in the inputMapping parameter. List 2 columns, in the order the model was trained on.",
  });
  const unreadable = await api.post(`/api/v1/models/${modelId}/versions?file=two-inputs.onnx&inputMapping=%7Bnumbers`, { data: TWO_INPUTS, headers: { ...auth, "Content-Type": "application/octet-stream" } });
  expect(unreadable.status()).toBe(400);
  expect(await versionCount(api, modelId)).toBe(0);

  const created = await upload({ numbers: ["age", "income"] });
  expect(created.status(), await created.text()).toBe(201);
  expect(((await created.json()) as { inputMapping: unknown }).inputMapping).toEqual({ numbers: ["age", "income"], tenure: "tenure" });
  const inputs = (await (await api.get(`/api/v1/models/${modelId}/versions/1/inputs`)).json()) as { canEdit: boolean; rows: { input: string; columns: string[] }[] };
  expect(inputs.canEdit).toBe(true);
  expect(inputs.rows.map((r) => [r.input, r.columns])).toEqual([
    ["numbers", ["age", "income"]],
    ["tenure", ["tenure"]],
  ]);
  const badEdit = await api.put(`/api/v1/models/${modelId}/versions/1/inputs`, { data: { numbers: ["age"], tenure: "tenure" }, headers: auth });
  expect(badEdit.status()).toBe(422);
  expect(((await badEdit.json()) as { error: { message: string } }).error.message).toContain("needs 2 values per row; the mapping gives 1. Fix the list for 'numbers' in the inputMapping parameter.");

});

test("a feature transformer (six values per row) is refused under every task with the reason, and nothing is stored", async ({ browser }) => {
  const page = await signedInPage(browser, "analyst@example.com");
  const bytes = fs.readFileSync(path.join(FIXTURES, "many-outputs-transformer.onnx"));
  for (const task of ["binary", "multiclass", "regression"] as const) {
    const modelId = await createModel(page.request, task, `Transformer ${task}`);
    const response = await page.request.post(`/api/v1/models/${modelId}/versions?file=mix.onnx`, { data: bytes, headers: { "Content-Type": "application/octet-stream" } });
    expect(response.status(), task).toBe(422);
    const error = ((await response.json()) as { error: { code: string; message: string } }).error;
    expect(error.code, task).toBe("not_a_prediction");
    expect(error.message, task).toMatch(task === "multiclass" ? /names no classes/ : /returns 6 values per row in 'transformed'/);
    expect(await versionCount(page.request, modelId), task).toBe(0);
  }
  // Through the page's form: the same refusal, in the page, and still nothing stored.
  const modelId = await createModel(page.request, "regression", "Transformer through the form");
  await page.goto(`/models/${modelId}`);
  await page.getByLabel("Model file (.onnx)").setInputFiles(path.join(FIXTURES, "many-outputs-transformer.onnx"));
  await page.getByRole("button", { name: "Upload version" }).click();
  await expect(page.getByText(/returns 6 values per row in 'transformed'/)).toBeVisible({ timeout: 30_000 });
  expect(await versionCount(page.request, modelId)).toBe(0);
});
