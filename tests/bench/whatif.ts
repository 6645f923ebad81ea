/**
 * `npm run bench:whatif [-- --url http://127.0.0.1:3000] [-- --port 3330] [-- --edits 200] [-- --json FILE]`
 *
 * The what-if page in headless Chromium (Playwright, WASM: the GPU is off) against `next start` on the demo data
 * (started here from the last build unless --url names a running server), signed in as each demo model's workspace
 * owner, for both demo models:
 * - session creation, cold (a fresh browser context: model file and runtime fetched and compiled) and warm (the page
 *   loaded again in the same context), from the worker's own timing (fetch, prepare, create the session);
 * - one row: the time around session.run in the worker, p50 and p95 over --edits edits of a number input;
 * - an edit on screen: from the input event to the next animation frame after the new answer is in the page, p95;
 * - rows a second on a 10,000-row batch, with one thread (`?threads=1`) and with every core (`?threads=N`);
 * - the partial-dependence sweep (50 values x 201 cases in one batch) and the counterfactual search (three inputs),
 *   in the page, p50 of 5 runs each.
 * Goals (the what-if issue, on WASM): one row p95 <= 1 ms, an edit on screen p95 <= 50 ms, >= 250,000 rows/s
 * batched, the sweep < 100 ms, the counterfactual < 200 ms. Prints a table; exit code 0 (the figures are for README).
 */
import fs from "node:fs";
import os from "node:os";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { timingSummary } from "../../lib/what-if/percentile";
import { argValue, cookieHeader, launchChromium, modelId, signedInContext, startDemoServer } from "./next-server";

interface ModelPlan {
  name: string;
  /** the demo owner of the model's workspace */
  email: string;
  /** the number input edited for the single-row timings */
  edit: string;
  /** the input swept for partial dependence (one with 50 grid values) */
  sweep: string;
  /** the inputs ticked for the counterfactual search */
  changeable: string[];
  regression: boolean;
}

const MODELS: ModelPlan[] = [
  { name: "Income screener", email: "owner@example.com", edit: "hours-per-week", sweep: "age", changeable: ["capital-gain", "hours-per-week", "education-num"], regression: false },
  { name: "Bike rental demand", email: "owner@capitalbikes.example", edit: "temp", sweep: "temp", changeable: ["hour", "temp", "humidity"], regression: true },
];

interface ModelResult {
  model: string;
  backend: string;
  coldLoadMs: number;
  warmLoadMs: number;
  singleP50: number;
  singleP95: number;
  editP50: number;
  editP95: number;
  rowsPerSecondOne: number;
  rowsPerSecondAll: number;
  threadsAll: number;
  sweepMs: number;
  sweepRows: number;
  counterfactualMs: number;
  counterfactualFound: string;
}

async function openWhatIf(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.getByTestId("whatif-backend").and(page.locator("[data-run-ms]")).waitFor({ timeout: 120_000 });
}

async function loadMs(page: Page): Promise<number> {
  return Number(await page.getByTestId("whatif-backend").getAttribute("data-load-ms"));
}

async function openPanel(page: Page, testId: string): Promise<void> {
  const panel = page.getByTestId(testId);
  if ((await panel.getAttribute("open")) === null) await panel.locator("summary").click();
}

/** Edits one number input `count` times in the page; per edit, the worker's run time and the time to screen. */
async function edits(page: Page, feature: string, count: number): Promise<{ runMs: number[]; screenMs: number[] }> {
  return page.evaluate(
    async ({ feature, count }) => {
      const input = document.querySelector<HTMLInputElement>(`input[data-feature="${feature}"]`);
      const prediction = document.querySelector<HTMLElement>('[data-testid="whatif-prediction"]');
      const backend = document.querySelector<HTMLElement>('[data-testid="whatif-backend"]');
      if (!input || !prediction || !backend) throw new Error(`The page lacks the ${feature} input or the prediction.`);
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!;
      const start = Number(input.value);
      const runMs: number[] = [];
      const screenMs: number[] = [];
      for (let i = 0; i < count; i++) {
        const before = prediction.getAttribute("data-result");
        const changed = new Promise<void>((resolve) => {
          const observer = new MutationObserver(() => {
            if (prediction.getAttribute("data-result") !== before) {
              observer.disconnect();
              resolve();
            }
          });
          observer.observe(prediction, { attributes: true, attributeFilter: ["data-result"] });
        });
        const t0 = performance.now();
        setter.call(input, String(start + ((i % 2) + 1) * 0.01));
        input.dispatchEvent(new Event("input", { bubbles: true }));
        await changed;
        await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
        screenMs.push(performance.now() - t0);
        runMs.push(Number(backend.getAttribute("data-run-ms")));
      }
      return { runMs, screenMs };
    },
    { feature, count },
  );
}

/** The best of three 10,000-row batches, in rows a second (time around session.run in the worker). */
async function batchRate(page: Page): Promise<number> {
  await openPanel(page, "whatif-panel-cost");
  const cost = page.getByTestId("whatif-cost");
  let best = 0;
  for (let i = 0; i < 3; i++) {
    const before = await cost.getAttribute("data-batch-run-ms");
    await page.getByTestId("whatif-cost-measure").click();
    await page.waitForFunction((b) => {
      const el = document.querySelector('[data-testid="whatif-cost"]');
      const now = el?.getAttribute("data-batch-run-ms");
      return now !== null && now !== undefined && now !== b && !document.querySelector('[data-testid="whatif-cost-measure"]')?.hasAttribute("disabled");
    }, before);
    const rows = Number(await cost.getAttribute("data-batch-rows"));
    const ms = Number(await cost.getAttribute("data-batch-run-ms"));
    best = Math.max(best, (rows * 1000) / ms);
  }
  return best;
}

async function sweep(page: Page, feature: string): Promise<{ ms: number; rows: number }> {
  await openPanel(page, "whatif-panel-pdp");
  const pdp = page.getByTestId("whatif-pdp");
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    if (i === 0) await page.getByTestId("whatif-pdp-feature").selectOption({ label: feature });
    else await page.getByRole("button", { name: "Draw again for this case" }).click();
    await page.waitForFunction(() => {
      const el = document.querySelector('[data-testid="whatif-pdp"]');
      return el?.getAttribute("aria-busy") === "false" && el.hasAttribute("data-ms");
    });
    times.push(Number(await pdp.getAttribute("data-ms")));
  }
  return { ms: timingSummary(times).p50, rows: Number(await pdp.getAttribute("data-rows")) };
}

async function counterfactual(page: Page, plan: ModelPlan): Promise<{ ms: number; found: string }> {
  await openPanel(page, "whatif-panel-counterfactual");
  for (const name of plan.changeable) await page.locator(`[data-changeable="${name}"]`).check();
  if (plan.regression) {
    const now = Number(await page.getByTestId("whatif-prediction").getAttribute("data-score"));
    await page.getByTestId("whatif-counterfactual-target").fill(String(Math.round(now * 1.5 + 10)));
  }
  const result = page.getByTestId("whatif-counterfactual");
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const before = await result.getAttribute("data-ms");
    await page.getByTestId("whatif-counterfactual-find").click();
    await page.waitForFunction((b) => {
      const el = document.querySelector('[data-testid="whatif-counterfactual"]');
      const now = el?.getAttribute("data-ms");
      return now !== null && now !== undefined && now !== b;
    }, before);
    times.push(Number(await result.getAttribute("data-ms")));
  }
  const sentence = (await page.getByTestId("whatif-counterfactual-sentence").textContent().catch(() => null)) ?? "none within the range";
  return { ms: timingSummary(times).p50, found: sentence };
}

async function benchModel(browser: Browser, url: string, plan: ModelPlan, editCount: number): Promise<ModelResult> {
  const cores = os.cpus().length;
  // Cold: a fresh context (empty cache); warm: the same page loaded again.
  const context: BrowserContext = await signedInContext(browser, url, plan.email);
  const id = await modelId(url, await cookieHeader(context), plan.name);
  const path = `/models/${id}/what-if`;
  const page = await context.newPage();
  await openWhatIf(page, `${path}?threads=${cores}`);
  const coldLoadMs = await loadMs(page);
  await openWhatIf(page, `${path}?threads=${cores}`);
  const warmLoadMs = await loadMs(page);
  const backend = ((await page.getByTestId("whatif-backend").textContent()) ?? "").replace(/^Ran on /, "").replace(/ in .*$/, "");
  const isolated = await page.evaluate(() => self.crossOriginIsolated);
  if (!isolated) console.warn("The page is not cross-origin isolated: threads fall back to one.");
  // Warm-up edits, then the measured ones.
  await edits(page, plan.edit, 20);
  const measured = await edits(page, plan.edit, editCount);
  const single = timingSummary(measured.runMs);
  const screen = timingSummary(measured.screenMs);
  const rowsPerSecondAll = await batchRate(page);
  const sweepResult = await sweep(page, plan.sweep);
  const cf = await counterfactual(page, plan);
  await page.close();

  const onePage = await context.newPage();
  await openWhatIf(onePage, `${path}?threads=1`);
  const rowsPerSecondOne = await batchRate(onePage);
  await onePage.close();
  await context.close();
  return {
    model: plan.name,
    backend,
    coldLoadMs,
    warmLoadMs,
    singleP50: single.p50,
    singleP95: single.p95,
    editP50: screen.p50,
    editP95: screen.p95,
    rowsPerSecondOne,
    rowsPerSecondAll,
    threadsAll: cores,
    sweepMs: sweepResult.ms,
    sweepRows: sweepResult.rows,
    counterfactualMs: cf.ms,
    counterfactualFound: cf.found,
  };
}

const ms = (n: number) => (n < 10 ? n.toFixed(3) : n.toFixed(1));
const rate = (n: number) => Math.round(n).toLocaleString("en-US");

function printTable(results: readonly ModelResult[]): void {
  const goal = (ok: boolean) => (ok ? "met" : "missed");
  const rows: [string, ...string[]][] = [
    ["figure", ...results.map((r) => r.model), "goal"],
    ["backend", ...results.map((r) => r.backend), "WASM"],
    ["session creation, cold (ms)", ...results.map((r) => ms(r.coldLoadMs)), "for information"],
    ["session creation, warm (ms)", ...results.map((r) => ms(r.warmLoadMs)), "for information"],
    ["one row, session.run p50 (ms)", ...results.map((r) => ms(r.singleP50)), ""],
    ["one row, session.run p95 (ms)", ...results.map((r) => `${ms(r.singleP95)} (${goal(r.singleP95 <= 1)})`), "<= 1 ms"],
    ["edit on screen p50 (ms)", ...results.map((r) => ms(r.editP50)), ""],
    ["edit on screen p95 (ms)", ...results.map((r) => `${ms(r.editP95)} (${goal(r.editP95 <= 50)})`), "<= 50 ms"],
    ["10,000-row batch, 1 thread (rows/s)", ...results.map((r) => `${rate(r.rowsPerSecondOne)} (${goal(r.rowsPerSecondOne >= 250_000)})`), ">= 250,000"],
    ["10,000-row batch, all threads (rows/s)", ...results.map((r) => `${rate(r.rowsPerSecondAll)} (${r.threadsAll} threads, ${goal(r.rowsPerSecondAll >= 250_000)})`), ">= 250,000"],
    ["partial dependence sweep p50 (ms)", ...results.map((r) => `${ms(r.sweepMs)} for ${rate(r.sweepRows)} rows (${goal(r.sweepMs < 100)})`), "< 100 ms"],
    ["counterfactual search p50 (ms)", ...results.map((r) => `${ms(r.counterfactualMs)} (${goal(r.counterfactualMs < 200)})`), "< 200 ms"],
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c]!)).join("  "));
  for (const r of results) console.log(`${r.model}, counterfactual found: ${r.counterfactualFound}`);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const editCount = Number(argValue(argv, "--edits") ?? 200);
  const server = await startDemoServer({ url: argValue(argv, "--url"), port: Number(argValue(argv, "--port") ?? 3330), quiet: true });
  const browser = await launchChromium();
  try {
    const results: ModelResult[] = [];
    for (const plan of MODELS) {
      console.log(`${plan.name}: measuring…`);
      results.push(await benchModel(browser, server.url, plan, editCount));
    }
    console.log(`\nWhat-if in headless Chromium (${os.cpus().length} cores, ${os.cpus()[0]?.model ?? "CPU"}), ${editCount} edits per model:\n`);
    printTable(results);
    const json = argValue(argv, "--json");
    if (json) fs.writeFileSync(json, JSON.stringify({ date: new Date().toISOString(), cores: os.cpus().length, results }, null, 2));
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
