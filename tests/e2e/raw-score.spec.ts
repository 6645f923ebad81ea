// A yes/no model that returns a raw score (log-odds): refused at upload until the owner says so, then accepted with
// the sigmoid declared (the form's box, the API's `processing`), and its data scored as chances: accuracy and Brier
// score equal the ones computed here from the model's own formula.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { RAW_SCORE, rawScoreProbability } from "../fixtures/onnx/processing-fixtures";
import { createModelThroughForm, pushData } from "./support/models";
import { signedInPage } from "./support/session";

const FILE = path.join(process.cwd(), "tests/fixtures/onnx/raw-score-classifier.onnx");
const octet = { "Content-Type": "application/octet-stream" };

/** 200 rows of u, v and a true outcome (the model's own answer, flipped every 9th row), with the expected numbers. */
function referenceRows(): { csv: Buffer; accuracy: number; brier: number } {
  let right = 0;
  let brier = 0;
  const lines = [`id,${RAW_SCORE.features.join(",")},outcome`];
  for (let i = 0; i < 200; i++) {
    const u = ((i * 37) % 101) / 25 - 2;
    const v = ((i * 53) % 97) / 24 - 2;
    const p = rawScoreProbability(u, v);
    const said = p >= 0.5 ? 1 : 0;
    const truth = i % 9 === 0 ? 1 - said : said;
    if (said === truth) right++;
    brier += (p - truth) ** 2;
    lines.push(`r${i},${u},${v},${truth}`);
  }
  return { csv: Buffer.from(`${lines.join("\n")}\n`), accuracy: right / 200, brier: brier / 200 };
}

async function expectScoredAsChances(api: APIRequestContext, modelId: string): Promise<void> {
  const expected = referenceRows();
  await pushData(api, modelId, "kind=reference&file=reference.csv&label=outcome&id=id", expected.csv);
  const latest = (await (await api.get(`/api/v1/models/${modelId}/snapshots/latest`)).json()) as { scorecard: { metrics: { name: string; value: number }[] } };
  const metric = (name: string) => latest.scorecard.metrics.find((m) => m.name === name)?.value;
  expect(metric("accuracy")).toBeCloseTo(expected.accuracy, 12);
  expect(Math.abs(metric("brier")! - expected.brier)).toBeLessThan(1e-6);
}

test("through the API: refused without a word on its raw score, accepted with processing={transform: sigmoid}", async ({ browser }) => {
  const page = await signedInPage(browser, "analyst@example.com");
  const api = page.request;
  const created = await api.post("/api/v1/models", {
    data: { name: `Raw score via API ${Date.now().toString(36)}`, purpose: "Says yes or no from two measured values.", task: "binary", positiveLabel: "1" },
  });
  expect(created.status(), await created.text()).toBe(201);
  const modelId = ((await created.json()) as { model: { id: string } }).model.id;

  const refused = await api.post(`/api/v1/models/${modelId}/versions?file=raw.onnx`, { data: fs.readFileSync(FILE), headers: octet });
  expect(refused.status()).toBe(422);
  const error = (await refused.json()) as { error: { code: string; message: string } };
  expect(error.error.code).toBe("score_out_of_range");
  expect(error.error.message).toContain('processing={"transform":{"kind":"sigmoid"}}');
  const notJson = await api.post(`/api/v1/models/${modelId}/versions?file=raw.onnx&processing=sigmoid`, { data: fs.readFileSync(FILE), headers: octet });
  expect(notJson.status()).toBe(400);
  expect(((await notJson.json()) as { error: { message: string } }).error.message).toContain("`processing`");
  const none = (await (await api.get(`/api/v1/models/${modelId}`)).json()) as { model: { versionCount: number } };
  expect(none.model.versionCount, "nothing stored").toBe(0);

  const sigmoid = encodeURIComponent(JSON.stringify({ transform: { kind: "sigmoid" } }));
  const accepted = await api.post(`/api/v1/models/${modelId}/versions?file=raw.onnx&processing=${sigmoid}`, { data: fs.readFileSync(FILE), headers: octet });
  expect(accepted.status(), await accepted.text()).toBe(201);
  await expectScoredAsChances(api, modelId);
});

test("through the form: the raw-score box declares the sigmoid, and the version page says so", async ({ browser }) => {
  const page = await signedInPage(browser, "analyst@example.com");
  const modelId = await createModelThroughForm(page, `Raw score via form ${Date.now().toString(36)}`, { positive: "1", groups: "" });
  await page.getByLabel("Model file (.onnx)").setInputFiles(FILE);
  await page.getByRole("button", { name: "Upload version" }).click();
  await expect(page.getByText(/outside 0 to 1, so it is not a probability/)).toBeVisible({ timeout: 30_000 });
  await page.getByLabel("The model gives a raw score (log-odds), not a chance").check();
  await page.getByLabel("Model file (.onnx)").setInputFiles(FILE);
  await page.getByRole("button", { name: "Upload version" }).click();
  await expect(page.getByText(/^Version 1 was accepted\./)).toBeVisible({ timeout: 30_000 });
  await expectScoredAsChances(page.request, modelId);
  await page.goto(`/models/${modelId}/versions/1`);
  await expect(page.getByText(/sigmoid/i).first()).toBeVisible();
});

test("through the API: declared a raw score with a cut-off, it decides at the cut-off and shows no chance-based measures", async ({ browser }) => {
  const page = await signedInPage(browser, "analyst@example.com");
  const api = page.request;
  const created = await api.post("/api/v1/models", {
    data: { name: `Raw score cut-off ${Date.now().toString(36)}`, purpose: "Says yes or no from two measured values.", task: "binary", positiveLabel: "1" },
  });
  expect(created.status(), await created.text()).toBe(201);
  const modelId = ((await created.json()) as { model: { id: string } }).model.id;
  const cutOff = encodeURIComponent(JSON.stringify({ meaning: { kind: "raw_score", threshold: 0 } }));
  const accepted = await api.post(`/api/v1/models/${modelId}/versions?file=raw.onnx&processing=${cutOff}`, { data: fs.readFileSync(FILE), headers: octet });
  expect(accepted.status(), await accepted.text()).toBe(201);

  // The same rows as above: a yes at logit >= 0 is a yes at chance >= 0.5, so the accuracy is the same; no Brier score.
  const expected = referenceRows();
  await pushData(api, modelId, "kind=reference&file=reference.csv&label=outcome&id=id", expected.csv);
  const latest = (await (await api.get(`/api/v1/models/${modelId}/snapshots/latest`)).json()) as { scorecard: { rawScore?: boolean; threshold: number; metrics: { name: string; value: number }[] } };
  expect(latest.scorecard.rawScore).toBe(true);
  expect(latest.scorecard.threshold).toBe(0);
  expect(latest.scorecard.metrics.find((m) => m.name === "accuracy")?.value).toBeCloseTo(expected.accuracy, 12);
  expect(latest.scorecard.metrics.map((m) => m.name)).not.toContain("brier");
  await page.goto(`/models/${modelId}/performance`);
  await expect(page.getByTestId("raw-score-note")).toHaveText("This model gives a raw score, not a chance. It means 1 when the score is 0 or more. So Sightline leaves out the checks that need a chance, such as the chart of stated chances against what came true.");
});
