// The what-if page on the demo income model: the model runs in the browser (a Web Worker with onnxruntime-web),
// the prediction appears and follows the edited case, an input outside the reference range warns, the edited case
// never leaves the page (no request after loading carries its values), a viewer receives no reference rows,
// axe-core finds nothing at 1280 and 390 px, nothing scrolls sideways, and the keyboard alone changes an input.
import { expect, test, type Page, type Request } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./support/a11y";
import { signIn } from "./support/session";
import { STANDARD_OPS } from "../fixtures/onnx/standard-ops-fixture";
import { browserNodeParity, createStandardOpsModel, modelIdByName, openWhatIf } from "./support/what-if";

function incomeId(page: Page): Promise<string> {
  return modelIdByName(page.request, "Income screener");
}

// Each test loads a 14 MB WebAssembly runtime on a shared 2-core machine; axe-core reads every select option.
test.describe.configure({ timeout: 180_000 });

function feature(page: Page, name: string) {
  return page.locator(`[data-feature="${name}"]`);
}

/** Rows of the reference sample in a server response: the serialized `"rows":[[` (escaped inside the RSC payload too). */
const ROWS_IN_PAYLOAD = /\\?"rows\\?":\[\[/;

test("the prediction appears, follows an edit, warns out of range, and the case never leaves the page", async ({ page }) => {
  await signIn(page, "owner@example.com");
  const id = await incomeId(page);
  const documentHtml: string[] = [];
  page.on("response", async (response) => {
    if (response.request().resourceType() === "document") documentHtml.push(await response.text().catch(() => ""));
  });
  await openWhatIf(page, id);
  // The owner receives the reference sample (so the viewer test below can fail).
  expect(documentHtml.some((html) => ROWS_IN_PAYLOAD.test(html))).toBe(true);
  expect(await page.getByTestId("whatif-start").locator("option").count()).toBeGreaterThan(1);

  const after: Request[] = [];
  page.on("request", (request) => after.push(request));

  const before = await page.getByTestId("whatif-headline").textContent();
  await feature(page, "capital-gain").fill("54321");
  await expect(page.getByTestId("whatif-headline")).not.toHaveText(before ?? "");
  await expect(page.getByTestId("whatif-warnings")).toHaveCount(0);

  await feature(page, "age").fill("987654");
  await expect(page.getByTestId("whatif-warnings")).toContainText("age is 987654");
  await expect(page.getByTestId("whatif-warnings")).toContainText("above the highest value in the reference data");
  await expect(feature(page, "age")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("whatif-headline")).toHaveText(/chance of/);

  for (const request of after) {
    const body = request.postData() ?? "";
    for (const value of ["54321", "987654"]) {
      expect(request.url(), `request ${request.method()} ${request.url()}`).not.toContain(value);
      expect(body, `body of ${request.method()} ${request.url()}`).not.toContain(value);
    }
  }
});

test("a viewer gets cases from the stored quantiles and no reference rows", async ({ page }) => {
  await signIn(page, "viewer@example.com");
  const id = await incomeId(page);
  const bodies: string[] = [];
  page.on("response", async (response) => {
    const type = response.request().resourceType();
    if (type === "document" || type === "fetch" || type === "xhr") bodies.push(await response.text().catch(() => ""));
  });
  await openWhatIf(page, id);
  await expect(page.getByTestId("whatif-start").locator("option")).toHaveCount(1);
  await expect(page.getByText("Your role sees cases built from the reference data's summary, not its rows.")).toBeVisible();
  expect(bodies.length).toBeGreaterThan(0);
  for (const body of bodies) expect(ROWS_IN_PAYLOAD.test(body)).toBe(false);
  // The starting case is the median case: age at the reference median, with its 1st-99th percentile shown.
  await expect(feature(page, "age")).toHaveValue(/^\d+$/);
});

test("the model file is served with its sha256 as ETag and immutable caching", async ({ page }) => {
  await signIn(page, "viewer@example.com");
  const id = await incomeId(page);
  const response = await page.request.get(`/api/v1/models/${id}/versions/1/model`);
  expect(response.status()).toBe(200);
  expect(response.headers()["etag"]).toMatch(/^"[0-9a-f]{64}"$/);
  expect(response.headers()["cache-control"]).toContain("immutable");
  expect((await response.body()).byteLength).toBeGreaterThan(1000);
  const again = await page.request.get(`/api/v1/models/${id}/versions/1/model`, { headers: { "If-None-Match": response.headers()["etag"]! } });
  expect(again.status()).toBe(304);
  expect((await page.request.get(`/api/v1/models/${id}/versions/999/model`)).status()).toBe(404);
  const anonymous = await page.context().browser()!.newContext();
  expect((await anonymous.request.get(`${new URL(page.url()).origin}/api/v1/models/${id}/versions/1/model`)).status()).toBe(401);
  await anonymous.close();
});

test("passes axe-core at 1280 and 390 px, never scrolls sideways, and works from the keyboard", async ({ page }) => {
  await signIn(page, "analyst@example.com");
  const id = await incomeId(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await openWhatIf(page, id);
  await expectNoAxeViolations(page, "what-if at 1280 px");
  await expectNoHorizontalScroll(page);

  await page.setViewportSize({ width: 390, height: 844 });
  await openWhatIf(page, id);
  await expectNoAxeViolations(page, "what-if at 390 px");
  await expectNoHorizontalScroll(page);

  // Keyboard only: Tab to the age input, then raise it with the arrow key.
  const age = feature(page, "age");
  const start = Number(await age.inputValue());
  let reached = false;
  for (let i = 0; i < 80 && !reached; i++) {
    await page.keyboard.press("Tab");
    reached = await age.evaluate((el) => el === document.activeElement);
  }
  expect(reached, "Tab reaches the age input").toBe(true);
  await page.keyboard.press("ArrowUp");
  await expect(age).toHaveValue(String(start + 1));
  await expect(page.getByTestId("whatif-headline")).toHaveText(/chance of/);
});

// Parity: the example rows (300 of the reference) with the answers worked out in this browser on WASM (the page's own
// CSV download) equal lib/onnx scoring in Node for the same rows to 1e-5: both demo models and the standard-operator
// fixture. tests/e2e/what-if-webgpu.spec.ts runs the same on WebGPU.
test("parity on WASM: the income screener's answers for 300 example rows equal lib/onnx in Node", async ({ page }) => {
  await signIn(page, "owner@example.com");
  const id = await incomeId(page);
  const version = await openWhatIf(page, id);
  await expect(page.getByTestId("whatif-backend")).toHaveText(/^Ran on WASM, \d+ threads? in/);
  const parity = await browserNodeParity(page, id, version, { task: "binary", positiveLabel: ">50K" });
  expect(parity.rows).toBeGreaterThanOrEqual(200);
  expect(parity.distinct, "the rows give different probabilities").toBeGreaterThan(20);
});

test("parity on WASM: the bike model's numbers for 300 example rows equal lib/onnx in Node", async ({ page }) => {
  await signIn(page, "owner@capitalbikes.example");
  const id = await modelIdByName(page.request, "Bike rental demand");
  const version = await openWhatIf(page, id);
  // The number comes with its unit: none is declared, so the outcome column's.
  await expect(page.getByTestId("whatif-prediction")).toContainText("in the units of count, the column with the real outcome");
  const parity = await browserNodeParity(page, id, version, { task: "regression" });
  expect(parity.rows).toBeGreaterThanOrEqual(200);
  expect(parity.distinct, "the rows give different numbers").toBeGreaterThan(20);
});

test("parity on WASM: the standard-operator fixture's answers for 300 example rows equal lib/onnx in Node", async ({ page }) => {
  await signIn(page, "analyst@example.com");
  const id = await createStandardOpsModel(page.request, `Standard operators ${Date.now().toString(36)}`);
  const version = await openWhatIf(page, id);
  const parity = await browserNodeParity(page, id, version, { task: "binary", positiveLabel: STANDARD_OPS.positiveLabel });
  expect(parity.rows).toBe(300);
  expect(parity.distinct).toBeGreaterThan(20);
  // The version page says what running it costs on the server, timed when the version was added.
  await page.goto(`/models/${id}/versions/${version}`);
  const cost = page.getByTestId("version-run-cost");
  await expect(cost).toContainText(/The model file is [\d.,]+ (bytes|KB)\./);
  await expect(cost).toContainText(/On the server, one prediction takes about [\d.]+ ms \(one thread, timed when the version was added\)\./);
  await expect(cost).toHaveAttribute("data-batch-rows", "1000");
});

/** Opens an analysis panel by its heading (a native <details>: a click on its summary). */
async function openPanel(page: Page, testId: string): Promise<void> {
  const panel = page.getByTestId(testId);
  await panel.locator("summary").click();
  await expect(panel).toHaveAttribute("open", "");
}

test("a case far from every example row is flagged as unusual, within the reference range", async ({ page }) => {
  await signIn(page, "owner@example.com");
  await openWhatIf(page, await incomeId(page));
  await expect(page.getByTestId("whatif-unusual")).toHaveCount(0);
  // Each value is seen in the reference data, but no example row is anywhere near all of them at once.
  for (const [name, value] of [["age", "90"], ["education-num", "16"], ["hours-per-week", "1"], ["capital-gain", "99999"], ["capital-loss", "4356"]] as const) {
    await feature(page, name).fill(value);
  }
  await expect(page.getByTestId("whatif-unusual")).toContainText(/This case is unlike any of the \d+ example rows: the closest one differs most in/);
  // Every value is inside the reference range, so the range warning stays away.
  await expect(page.getByTestId("whatif-warnings")).toHaveCount(0);
});

test("the counterfactual names the smallest change, and applying it flips the decision", async ({ page }) => {
  await signIn(page, "owner@example.com");
  await openWhatIf(page, await incomeId(page));
  const detail = page.getByTestId("whatif-prediction").locator("p").nth(1);
  const before = (await detail.textContent()) ?? "";
  const saidYes = before.includes("at or above");
  await openPanel(page, "whatif-panel-counterfactual");
  for (const name of ["capital-gain", "hours-per-week", "education-num"]) await page.locator(`[data-changeable="${name}"]`).check();
  // A fourth input cannot be ticked.
  await expect(page.locator('[data-changeable="age"]')).toBeDisabled();
  await page.getByTestId("whatif-counterfactual-find").click();
  // One change: "If capital-gain were 1647 instead of 0, the model would say ...". Several: "Change a from x to y and
  // b from ... Then the model would say ...".
  const then = saidYes ? "the model would say no" : 'the model would say ">50K"';
  await expect(page.getByTestId("whatif-counterfactual-sentence")).toHaveText(new RegExp(`^(If .+ were .+ instead of .+, ${then}|Change .+ from .+ to .+\\. Then ${then})\\.$`));
  await page.getByTestId("whatif-counterfactual-apply").click();
  await expect(detail).toContainText(saidYes ? "below the policy's cut-off" : "at or above the policy's cut-off");
});

test("partial dependence draws its lines and shows them as a table", async ({ page }) => {
  await signIn(page, "analyst@example.com");
  await openWhatIf(page, await incomeId(page));
  await openPanel(page, "whatif-panel-pdp");
  const chart = page.getByTestId("whatif-pdp-chart");
  await expect(chart).toHaveAttribute("data-chart", "line");
  await expect(chart.getByTestId("chart-summary")).toContainText(/On average over \d+ example rows/);
  // 50 of the 200 rows drawn thin, the average and this case: 52 lines.
  await expect(chart.locator(".recharts-line")).toHaveCount(52);
  // 50 ages x (200 rows + this case) in one batch.
  await expect(page.getByTestId("whatif-pdp")).toHaveAttribute("data-rows", String(50 * 201));
  await chart.getByTestId("chart-toggle").click();
  await expect(chart).toHaveAttribute("data-view", "table");
  await expect(chart.getByTestId("chart-table").locator("tbody tr")).toHaveCount(50);
  await page.getByTestId("whatif-pdp-feature").selectOption({ label: "sex" });
  await expect(chart.getByTestId("chart-table").locator("tbody tr")).toHaveCount(2);
});

test("the threshold slider changes the counts, and the page stays usable at 390 px with every panel open", async ({ page }) => {
  await signIn(page, "owner@example.com");
  await page.setViewportSize({ width: 390, height: 844 });
  await openWhatIf(page, await incomeId(page));
  await openPanel(page, "whatif-panel-threshold");
  const result = page.getByTestId("whatif-threshold-result");
  await expect(result).toHaveAttribute("data-tp", /\d+/);
  const counts = async () => ({ tp: Number(await result.getAttribute("data-tp")), fp: Number(await result.getAttribute("data-fp")), fn: Number(await result.getAttribute("data-fn")) });
  const atPolicy = await counts();
  await page.getByTestId("whatif-threshold").fill("0.1");
  await expect(page.getByTestId("whatif-threshold-counts")).toContainText("At a cut-off of 10%");
  const low = await counts();
  expect(low.fp).toBeGreaterThan(atPolicy.fp);
  expect(low.tp + low.fn).toBe(atPolicy.tp + atPolicy.fn);
  // The keyboard moves it too: one step up.
  await page.getByTestId("whatif-threshold").press("ArrowRight");
  await expect(page.getByTestId("whatif-threshold-counts")).toContainText("At a cut-off of 11%");
  await page.getByTestId("whatif-cost-fn").fill("5");
  await expect(result).toContainText("misses at 5 each");
  await expect(page.getByTestId("whatif-threshold-groups")).toContainText("sex = Female");

  await openPanel(page, "whatif-panel-pdp");
  await expect(page.getByTestId("whatif-pdp-chart").locator(".recharts-line")).toHaveCount(52);
  await openPanel(page, "whatif-panel-counterfactual");
  await openPanel(page, "whatif-panel-cost");
  await expect(page.getByTestId("whatif-cost")).toContainText(/The model file is [\d.]+ (KB|MB)\./);
  await expect(page.getByTestId("whatif-server-cost")).toContainText(/In batches, that is about [\d,.]+ predictions a second on the server\./);
  await expectNoAxeViolations(page, "what-if at 390 px, every panel open");
  await expectNoHorizontalScroll(page);
});
