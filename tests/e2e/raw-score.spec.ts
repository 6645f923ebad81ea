// A yes/no model that returns a raw score (log-odds): refused at upload until the owner says so, then accepted with
// the sigmoid declared (the form's box, the API's `processing`), and its data scored as chances: accuracy and Brier
// score equal the ones computed here from the model's own formula.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { RAW_SCORE, rawScoreLogit, rawScoreProbability } from "../fixtures/onnx/processing-fixtures";
import { createModelThroughForm, pushData } from "./support/models";
import { signedInPage } from "./support/session";
import { openWhatIf } from "./support/what-if";

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

test("through the API: declared a raw score with a cut-off, it decides at the cut-off everywhere and shows no chance-based measures", async ({ browser }) => {
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
  const latest = (await (await api.get(`/api/v1/models/${modelId}/snapshots/latest`)).json()) as {
    scorecard: { rawScore?: boolean; threshold: number; metrics: { name: string; value: number }[] };
    window: { id: string };
  };
  expect(latest.scorecard.rawScore).toBe(true);
  expect(latest.scorecard.threshold).toBe(0);
  expect(latest.scorecard.metrics.find((m) => m.name === "accuracy")?.value).toBeCloseTo(expected.accuracy, 12);
  expect(latest.scorecard.metrics.map((m) => m.name)).not.toContain("brier");
  await page.goto(`/models/${modelId}/performance`);
  await expect(page.getByTestId("raw-score-note")).toHaveText("This model gives a raw score, not a chance. It means 1 when the score is 0 or more. So Sightline leaves out the checks that need a chance, such as the chart of stated chances against what came true.");
  await expect(page.getByTestId("scored-rows-threshold")).toHaveText("The answer is 1 when the model's score is 0 or more. This score is not a chance. Its cut-off is set on the version page.");

  // Every row downloaded: the score is the model's own logit (model_score, not a probability) and the answer is read at
  // the cut-off 0. Rows scoring from 0 up to 0.5 are there, where the policy's 0.5 would have said no.
  const csv = await api.get(`/api/v1/models/${modelId}/windows/${latest.window.id}/scored.csv`);
  expect(csv.status()).toBe(200);
  const [header, ...rows] = (await csv.text()).trim().split("\r\n").map((line) => line.split(","));
  expect(header).toEqual(["id", "u", "v", "outcome", "model_answer", "model_score"]);
  expect(rows).toHaveLength(200);
  let between = 0;
  for (const [id, u, v, , answer, score] of rows as string[][]) {
    const logit = rawScoreLogit(Number(u), Number(v));
    expect(Math.abs(Number(score) - logit), `row ${id}`).toBeLessThan(1e-5);
    expect(answer === "1", `row ${id}: ${answer} at ${score}`).toBe(Number(score) >= 0);
    if (Number(score) >= 0 && Number(score) < 0.5) between++;
  }
  expect(between).toBeGreaterThan(0);

  // The what-if page: the headline is the raw score, the decision is at the declared cut-off, and no slider in chances.
  await openWhatIf(page, modelId);
  const score = Number(await page.getByTestId("whatif-prediction").getAttribute("data-score"));
  await expect(page.getByTestId("whatif-headline")).toHaveText(/^Raw score -?[\d.]+$/);
  await expect(page.getByTestId("whatif-prediction")).toContainText(score >= 0 ? 'at or above the cut-off of 0, so the model says "1"' : "below the cut-off of 0, so the model says no");
  await expect(page.getByTestId("whatif-prediction")).not.toContainText("%");
  await page.getByTestId("whatif-panel-threshold").locator("summary").click();
  await expect(page.getByTestId("whatif-threshold-raw-score")).toContainText('says "1" when the score is 0 or more');
  await expect(page.getByTestId("whatif-threshold")).toHaveCount(0);
});
