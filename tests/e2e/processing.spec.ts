// Declared processing (issue 11): a model trained on standardised inputs (one of them derived by a formula) and a
// standardised target is declared through the API with scikit-learn's StandardScaler JSON; the stored data is scored
// through it (the rows' answers and the snapshot's error checked against prices computed here, independently); a bad
// formula is refused naming the formula and the column; the version page says the steps in words and changes them;
// the what-if page gives the same price in the browser; once the version is in review, the processing is fixed.
import fs from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectNoHorizontalScroll } from "./support/a11y";
import { pushData } from "./support/models";
import { signedInPage } from "./support/session";
import { STANDARDISED, standardisedPrice } from "../fixtures/onnx/processing-fixtures";

const MODEL = fs.readFileSync(path.join(process.cwd(), "tests/fixtures/onnx/standardised-regressor.onnx"));

/** 40 applicants: id, age, income, debt, and the price the model gives through its processing (the label). */
function referenceCsv(): { csv: Buffer; rows: { id: string; age: number; income: number; debt: number; price: number }[] } {
  const rows = Array.from({ length: 40 }, (_, i) => {
    const age = 22 + ((i * 7) % 45);
    const income = 1500 + ((i * 337) % 4200);
    const debt = 100 + ((i * 191) % 1900);
    return { id: `a${i + 1}`, age, income, debt, price: standardisedPrice(age, income, debt) };
  });
  const csv = ["id,age,income,debt,price", ...rows.map((r) => `${r.id},${r.age},${r.income},${r.debt},${r.price}`)].join("\n") + "\n";
  return { csv: Buffer.from(csv), rows };
}

/** A regression model with the standardised fixture as version 1, made through the API; returns its id. */
async function houseModel(api: APIRequestContext): Promise<string> {
  const created = await api.post("/api/v1/models", {
    data: { name: `House prices ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`, purpose: "Estimates the price of a house.", task: "regression" },
  });
  expect(created.status(), await created.text()).toBe(201);
  const modelId = ((await created.json()) as { model: { id: string } }).model.id;
  const uploaded = await api.post(`/api/v1/models/${modelId}/versions?file=standardised-regressor.onnx`, { data: MODEL, headers: { "Content-Type": "application/octet-stream" } });
  expect(uploaded.status(), await uploaded.text()).toBe(201);
  return modelId;
}

/** Declared through the API before any data: the scaler as scikit-learn gives it, a derived column, the target's mean and scale. */
const DECLARATION = {
  derived: [STANDARDISED.derived],
  standardise: STANDARDISED.scaler,
  transform: { kind: "affine", ...STANDARDISED.target },
  meaning: { kind: "number", unit: "EUR" },
};

test("processing declared through the API scores the stored data and the what-if case correctly, and a bad formula is refused", async ({ browser }) => {
  const page = await signedInPage(browser, "owner@example.com");
  const api = page.request;
  const modelId = await houseModel(api);
  const processingUrl = `/api/v1/models/${modelId}/versions/1/processing`;

  const put = await api.put(processingUrl, { data: DECLARATION });
  expect(put.status(), await put.text()).toBe(200);
  const declared = (await put.json()) as { sentences: string[]; jobId: string | null };
  expect(declared.jobId).toBeNull();
  expect(declared.sentences).toEqual([
    "Sightline first adds a column, debt_ratio, to each row. It is worked out as debt / income.",
    "Before the model reads them, Sightline rescales 3 columns: from each value it takes away the column's mean, then divides by its scale. The table below lists them.",
    "After the model runs, its answer x becomes 250000 + 80000 × x. This puts it back on the number's own scale.",
    "The answer is a number in EUR.",
  ]);

  // The reference data is scored through the processing: every row's answer is the independently computed price.
  const { csv, rows } = referenceCsv();
  await pushData(api, modelId, "kind=reference&file=houses.csv&label=price&id=id", csv);
  const list = (await (await api.get(`/api/v1/models/${modelId}/snapshots?limit=5`)).json()) as { items: { id: string; superseded: boolean; window: { id: string; isReference: boolean } }[] };
  const reference = list.items.find((s) => !s.superseded && s.window.isReference);
  expect(reference).toBeDefined();
  const scored = await api.get(`/api/v1/models/${modelId}/windows/${reference!.window.id}/scored.csv?version=1`);
  expect(scored.status(), await scored.text()).toBe(200);
  const answers = new Map(Papa.parse<Record<string, string>>(await scored.text(), { header: true, skipEmptyLines: true }).data.map((r) => [r["id"], Number(r["model_answer"])]));
  expect(answers.size).toBe(rows.length);
  for (const r of rows) expect(Math.abs((answers.get(r.id) ?? Number.NaN) - r.price), r.id).toBeLessThan(1e-6 * r.price);
  // By hand for a1 (age 22, income 1500, debt 100): z = (-1.5, -1, -1.1666…), y = -0.75 - 0.75 + 0.2916… + 0.125 = -1.0833…
  expect(answers.get("a1")).toBeCloseTo(250_000 + 80_000 * (0.5 * -1.5 + 0.75 * -1 - 0.25 * ((100 / 1500 - 0.3) / 0.2) + 0.125), 0);
  // The stored snapshot was computed through the same processing: its mean absolute error against these prices is ~0.
  const snapshot = (await (await api.get(`/api/v1/models/${modelId}/snapshots/${reference!.id}`)).json()) as { scorecard: { metrics: { name: string; value: number | null }[] } | null };
  const mae = snapshot.scorecard?.metrics.find((m) => m.name === "mae")?.value;
  expect(mae).not.toBeNull();
  expect(mae!).toBeLessThan(0.1);

  // With the data known, a formula reading a column it lacks is refused, naming the formula; nothing changes.
  const bad = await api.put(processingUrl, { data: { ...DECLARATION, derived: [{ name: "debt_ratio", formula: "debt / incme" }] } });
  expect(bad.status()).toBe(422);
  expect(((await bad.json()) as { error: { message: string } }).error.message).toContain("The formula for 'debt_ratio' (debt / incme) reads 'incme', which is not a column");
  const stored = (await (await api.get(processingUrl)).json()) as { processing: { derived: { formula: string }[] } };
  expect(stored.processing.derived[0]?.formula).toBe("debt / income");

  // The what-if page runs the same processing in the browser: the case is edited in the data's own columns.
  await page.goto(`/models/${modelId}/what-if`);
  const prediction = page.getByTestId("whatif-prediction");
  await expect(prediction).toHaveAttribute("data-score", /\d/, { timeout: 30_000 });
  await expect(page.locator("[data-feature]")).toHaveCount(3);
  for (const [name, value] of [["age", "30"], ["income", "2500"], ["debt", "500"]] as const) await page.locator(`[data-feature="${name}"]`).fill(value);
  const expected = standardisedPrice(30, 2500, 500);
  await expect.poll(async () => Math.abs(Number(await prediction.getAttribute("data-score")) - expected)).toBeLessThan(1e-6 * expected);

});

test("declared through the version page's form, the processing scores the data correctly; the page says it in words and fixes it once in review", async ({ browser }) => {
  const page = await signedInPage(browser, "owner@example.com");
  const api = page.request;
  const modelId = await houseModel(api);
  const processingUrl = `/api/v1/models/${modelId}/versions/1/processing`;

  // Everything declared through the form: the scaler as scikit-learn gives it, the worked-out column, the target's scale.
  await page.goto(`/models/${modelId}/versions/1`);
  await page.getByText("Change the processing").click();
  await page.getByLabel("Rescaling of inputs (JSON)").fill(JSON.stringify(STANDARDISED.scaler));
  await page.getByLabel("Worked-out columns").fill(`${STANDARDISED.derived.name} = ${STANDARDISED.derived.formula}`);
  await page.getByLabel("What happens to the model's answer").selectOption("affine");
  await page.getByLabel("Mean", { exact: true }).fill(String(STANDARDISED.target.mean));
  await page.getByLabel("Scale", { exact: true }).fill(String(STANDARDISED.target.scale));
  await page.getByRole("button", { name: "Save the processing" }).click();
  const steps = page.getByTestId("processing-steps");
  await expect(steps.getByRole("listitem")).toHaveCount(3);
  await expect(steps).toContainText("It is worked out as debt / income.");
  await expect(page.getByTestId("processing-scaler").locator("tbody tr")).toHaveCount(3);
  // The data is scored through it: the stored mean absolute error against the independently computed prices is ~0.
  await pushData(api, modelId, "kind=reference&file=houses.csv&label=price&id=id", referenceCsv().csv);
  const latest = (await (await api.get(`/api/v1/models/${modelId}/snapshots/latest`)).json()) as { scorecard: { metrics: { name: string; value: number | null }[] } | null };
  expect(latest.scorecard?.metrics.find((m) => m.name === "mae")?.value ?? Number.NaN).toBeLessThan(0.1);

  await page.reload();
  await page.getByText("Change the processing").click();
  await page.getByLabel("What the answer is").selectOption("number");
  await page.getByLabel("Unit of the number").fill("USD");
  await page.getByRole("button", { name: "Save the processing" }).click();
  await expect(steps).toContainText("The answer is a number in USD.");
  await expectNoHorizontalScroll(page);


  // Sent for review: the processing is fixed.
  const submitted = await api.post(`/api/v1/models/${modelId}/versions/1/submit`, { data: {} });
  expect(submitted.status(), await submitted.text()).toBeLessThan(300);
  const locked = await api.put(processingUrl, { data: DECLARATION });
  expect(locked.status()).toBe(409);
  await page.goto(`/models/${modelId}/versions/1`);
  await expect(page.getByTestId("processing-locked")).toHaveText("This version has gone to review, so its steps are fixed. Upload a new version to change them.");
});
