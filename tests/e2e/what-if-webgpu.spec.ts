// WebGPU parity (the "webgpu" project of playwright.config.ts: Chromium with WebGPU on, a software adapter such as
// SwiftShader where the machine has no GPU). The what-if page picks WebGPU when the browser offers an adapter; the
// example rows' answers worked out there equal lib/onnx scoring in Node to 1e-5, for the standard-operator fixture
// (every step on the graphics card: "WebGPU") and both demo models (their tree and encoder steps on the CPU beside
// it: "WebGPU and CPU"). Each test prints the adapter it got; with none offered, it fails and says how to get one.
import { expect, test, type Page } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import { STANDARD_OPS, WIDE_CONCAT, WIDE_CONCAT_FILE } from "../fixtures/onnx/standard-ops-fixture";
import { pushData } from "./support/models";
import { signIn } from "./support/session";
import { browserNodeParity, createStandardOpsModel, modelIdByName, openWhatIf } from "./support/what-if";

// Each test loads the WebGPU build of the runtime (about 25 MB of WebAssembly) and compiles shaders in software.
test.describe.configure({ timeout: 240_000 });

interface AdapterInfo {
  vendor: string;
  architecture: string;
  description: string;
}

/** The adapter the page's browser offers (null: none), printed and noted on the test. */
async function webGpuAdapter(page: Page): Promise<AdapterInfo | null> {
  const adapter = await page.evaluate(async () => {
    const gpu = (navigator as { gpu?: { requestAdapter(): Promise<{ info: AdapterInfo } | null> } }).gpu;
    if (!gpu) return null;
    const found = await gpu.requestAdapter().catch(() => null);
    return found ? { vendor: found.info.vendor, architecture: found.info.architecture, description: found.info.description } : null;
  });
  const text = adapter ? `${adapter.vendor} ${adapter.architecture}${adapter.description ? ` (${adapter.description})` : ""}` : "none";
  console.log(`WebGPU adapter: ${text}`);
  test.info().annotations.push({ type: "WebGPU adapter", description: text });
  return adapter;
}

async function ready(page: Page, email: string): Promise<void> {
  await signIn(page, email);
  // Chromium carries SwiftShader's software adapter, so an adapter is always there to be had: none means the browser
  // was started without WebGPU, and the parity below would prove nothing.
  const adapter = await webGpuAdapter(page);
  expect(adapter, "This browser offers no WebGPU adapter (no GPU, and no software adapter such as SwiftShader). Start Chromium with --enable-unsafe-webgpu and --use-webgpu-adapter=swiftshader (the webgpu project of playwright.config.ts does).").not.toBeNull();
}

test("WebGPU parity: the standard-operator fixture runs wholly on the graphics card and matches Node", async ({ page }) => {
  await ready(page, "analyst@example.com");
  const id = await createStandardOpsModel(page.request, `Standard operators on WebGPU ${Date.now().toString(36)}`);
  const version = await openWhatIf(page, id);
  await expect(page.getByTestId("whatif-backend")).toHaveText(/^Ran on WebGPU in [\d.]+ ms\.$/);
  await expect(page.getByTestId("whatif-backend")).toHaveAttribute("data-off-gpu", "");
  const parity = await browserNodeParity(page, id, version, { task: "binary", positiveLabel: STANDARD_OPS.positiveLabel });
  console.log(`standard-operator fixture on WebGPU: ${parity.rows} rows, largest difference ${parity.maxDifference.toExponential(2)}`);
  expect(parity.rows).toBe(300);
  expect(parity.distinct).toBeGreaterThan(20);
});

test("a model the graphics card cannot run correctly (a Concat wider than its limits) runs on WASM, says why, and matches Node", async ({ page }) => {
  await ready(page, "analyst@example.com");
  const api = page.request;
  const created = await api.post("/api/v1/models", { data: { name: `Wide join ${Date.now().toString(36)}`, purpose: "Says yes or no from twelve measured values.", task: "binary", positiveLabel: "1" } });
  expect(created.status(), await created.text()).toBe(201);
  const id = ((await created.json()) as { model: { id: string } }).model.id;
  const file = fs.readFileSync(path.join(process.cwd(), "tests/fixtures/onnx", WIDE_CONCAT_FILE));
  expect((await api.post(`/api/v1/models/${id}/versions?file=${WIDE_CONCAT_FILE}`, { data: file, headers: { "Content-Type": "application/octet-stream" } })).status()).toBe(201);
  const rows = Array.from({ length: 40 }, (_, r) => [`r${r}`, ...WIDE_CONCAT.inputs.map((_, i) => ((r * (i + 3)) % 11) - 5), r % 2].join(","));
  await pushData(api, id, "kind=reference&file=reference.csv&label=outcome&id=id", Buffer.from(`${["id", ...WIDE_CONCAT.inputs, "outcome"].join(",")}\n${rows.join("\n")}\n`));
  const version = await openWhatIf(page, id);
  const label = (await page.getByTestId("whatif-backend").textContent()) ?? "";
  // A device that binds 13 buffers at once runs it on WebGPU; SwiftShader (10) and many cards cannot.
  if (label.startsWith("Ran on WASM")) await expect(page.getByTestId("whatif-gpu-problem")).toHaveText(/^The graphics card gave an error on this model, so it runs on the CPU \(WASM\) instead\./);
  else expect(label).toMatch(/^Ran on WebGPU in/);
  console.log(`wide Concat: ${label}`);
  const parity = await browserNodeParity(page, id, version, { task: "binary", positiveLabel: "1" });
  expect(parity.rows).toBe(40);
  expect(parity.distinct).toBeGreaterThan(5);
});

test("WebGPU parity: the income screener runs on WebGPU and CPU, says why, and matches Node", async ({ page }) => {
  await ready(page, "owner@example.com");
  const id = await modelIdByName(page.request, "Income screener");
  const version = await openWhatIf(page, id);
  await expect(page.getByTestId("whatif-backend")).toHaveText(/^Ran on WebGPU and CPU in [\d.]+ ms\.$/);
  await expect(page.getByTestId("whatif-backend")).toHaveAttribute("data-off-gpu", /ai\.onnx\.ml:LinearClassifier/);
  await expect(page.getByText("Some steps of this model (such as trees, encoders and scalers) have no graphics-card version, so they run on the CPU.")).toBeVisible();
  const parity = await browserNodeParity(page, id, version, { task: "binary", positiveLabel: ">50K" });
  console.log(`income screener on WebGPU and CPU: ${parity.rows} rows, largest difference ${parity.maxDifference.toExponential(2)}`);
  expect(parity.rows).toBeGreaterThanOrEqual(200);
  // Forcing the CPU switches the page to WASM.
  await page.getByLabel("Use the CPU (WASM) even when a graphics card is there").check();
  await expect(page.getByTestId("whatif-backend")).toHaveText(/^Ran on WASM, \d+ threads? in/, { timeout: 60_000 });
});

test("WebGPU parity: the bike model's numbers match Node", async ({ page }) => {
  await ready(page, "owner@capitalbikes.example");
  const id = await modelIdByName(page.request, "Bike rental demand");
  const version = await openWhatIf(page, id);
  await expect(page.getByTestId("whatif-backend")).toHaveText(/^Ran on WebGPU and CPU in [\d.]+ ms\.$/);
  await expect(page.getByTestId("whatif-backend")).toHaveAttribute("data-off-gpu", /ai\.onnx\.ml:TreeEnsembleRegressor/);
  const parity = await browserNodeParity(page, id, version, { task: "regression" });
  console.log(`bike model on WebGPU and CPU: ${parity.rows} rows, largest difference ${parity.maxDifference.toExponential(2)}`);
  expect(parity.rows).toBeGreaterThanOrEqual(200);
});
