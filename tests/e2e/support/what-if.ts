// The what-if page in tests: opening it until the browser has answered, and parity: the example rows' answers made in
// the browser (the page's own CSV download) against lib/onnx scoring in Node for the same rows.
import fs from "node:fs";
import path from "node:path";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import Papa from "papaparse";
import { STANDARD_OPS, STANDARD_OPS_FILE, standardOpsReferenceCsv } from "../../fixtures/onnx/standard-ops-fixture";
import { pushData } from "./models";

/** "Ran on WASM, 2 threads in 0.4 ms.", "Ran on WebGPU in 3 ms." or "Ran on WebGPU and CPU in 3 ms." */
export const BACKEND_TEXT = /^Ran on (WASM, \d+ threads?|WebGPU|WebGPU and CPU) in [\d.]+ ms\.$/;

/** Opens the what-if page and waits until the browser has answered for the starting case; returns the version shown. */
export async function openWhatIf(page: Page, modelId: string): Promise<number> {
  await page.goto(`/models/${modelId}/what-if`);
  await expect(page.getByTestId("whatif-prediction")).toHaveAttribute("data-score", /\d/, { timeout: 60_000 });
  await expect(page.getByTestId("whatif-backend")).toHaveText(BACKEND_TEXT);
  const version = /Version (\d+)\./.exec((await page.getByText(/^Version \d+\.$/).textContent()) ?? "");
  expect(version, "the page names its version").not.toBeNull();
  return Number(version![1]);
}

/** The id of a model the signed-in page can see, by name. */
export async function modelIdByName(request: APIRequestContext, name: string): Promise<string> {
  const body = (await (await request.get("/api/v1/models")).json()) as { models: { id: string; name: string }[] };
  const model = body.models.find((m) => m.name === name);
  expect(model, `the model "${name}"`).toBeDefined();
  return model!.id;
}

/** A yes/no model whose version 1 is the standard-operator fixture, with 300 reference rows; returns its id. */
export async function createStandardOpsModel(request: APIRequestContext, name: string): Promise<string> {
  const created = await request.post("/api/v1/models", {
    data: { name, purpose: "Says whether a customer will come back, from four counts.", task: "binary", positiveLabel: STANDARD_OPS.positiveLabel },
  });
  expect(created.status(), await created.text()).toBe(201);
  const id = ((await created.json()) as { model: { id: string } }).model.id;
  const file = fs.readFileSync(path.join(process.cwd(), "tests/fixtures/onnx", STANDARD_OPS_FILE));
  const version = await request.post(`/api/v1/models/${id}/versions?file=${STANDARD_OPS_FILE}`, { data: file, headers: { "Content-Type": "application/octet-stream" } });
  expect(version.status(), await version.text()).toBe(201);
  await pushData(request, id, "kind=reference&file=reference.csv&label=outcome&id=id", Buffer.from(standardOpsReferenceCsv(300)));
  return id;
}

export interface ParityResult {
  rows: number;
  /** the largest difference between a browser number and Node's */
  maxDifference: number;
  /** distinct answers among the rows (so a constant model cannot pass) */
  distinct: number;
}

/**
 * Downloads the example rows with the browser's answers (the page's "answers" panel), scores the same rows with
 * lib/onnx in Node (the version's model file and stored input mapping), and compares every number.
 */
export async function browserNodeParity(page: Page, modelId: string, version: number, options: { task: "binary" | "multiclass" | "regression"; positiveLabel?: string }): Promise<ParityResult> {
  const { PrepareOptionsSchema, prepareModel } = await import("../../../lib/onnx/index");
  const { scoreTable } = await import("../../../lib/onnx/session-node");
  const panel = page.getByTestId("whatif-panel-answers");
  await panel.locator("summary").click();
  const downloading = page.waitForEvent("download", { timeout: 60_000 });
  await page.getByTestId("whatif-answers-download").click();
  const download = await downloading;
  const csv = fs.readFileSync((await download.path())!, "utf8");
  const parsed = Papa.parse<string[]>(csv.trim(), { skipEmptyLines: true });
  const [header, ...rows] = parsed.data;
  expect(header, "the file has a header").toBeDefined();

  // The inputs as the page holds them: selects are categories, the rest numbers.
  const kinds = new Map<string, "number" | "text">(
    await page.locator("[data-feature]").evaluateAll((els) => els.map((el) => [el.getAttribute("data-feature") ?? "", el.tagName === "SELECT" ? "text" : "number"] as [string, "number" | "text"])),
  );
  const columns: Record<string, Float64Array | (string | null)[]> = {};
  header!.forEach((name, k) => {
    const kind = kinds.get(name);
    if (!kind) return;
    columns[name] = kind === "number" ? Float64Array.from(rows.map((r) => (r[k] === "" ? Number.NaN : Number(r[k])))) : rows.map((r) => (r[k] === "" ? null : r[k]!.replace(/^'/, "")));
  });
  expect(Object.keys(columns).sort()).toEqual([...kinds.keys()].sort());

  const file = await page.request.get(`/api/v1/models/${modelId}/versions/${version}/model`);
  expect(file.status()).toBe(200);
  const inputs = (await (await page.request.get(`/api/v1/models/${modelId}/versions/${version}/inputs`)).json()) as { rows: { input: string; columns: string[] }[] };
  const featureNames = Object.fromEntries(inputs.rows.map((r) => [r.input, r.columns]));
  const prepared = prepareModel(new Uint8Array(await file.body()), PrepareOptionsSchema.parse({ task: options.task, positiveLabel: options.positiveLabel, featureNames }));
  const scored = await scoreTable(prepared, columns);

  let maxDifference = 0;
  const distinct = new Set<string>();
  const compare = (browserText: string | undefined, node: number | undefined, what: string) => {
    const browser = Number(browserText);
    expect(Number.isFinite(browser), `${what}: the browser's number "${browserText}"`).toBe(true);
    const difference = Math.abs(browser - (node as number));
    maxDifference = Math.max(maxDifference, difference);
    expect(difference, `${what}: browser ${browser}, Node ${node}`).toBeLessThanOrEqual(1e-5);
  };
  const answer = header!.indexOf("model_answer");
  rows.forEach((row, r) => {
    if (options.task === "binary") {
      compare(row[answer + 1], scored.score?.[r], `row ${r + 1}, probability`);
      distinct.add(Number(row[answer + 1]).toFixed(4));
    } else if (options.task === "regression") {
      compare(row[answer], scored.prediction?.[r], `row ${r + 1}, number`);
      distinct.add(Number(row[answer]).toFixed(2));
    } else {
      const k = scored.classes?.length ?? 0;
      for (let c = 0; c < k; c++) compare(row[answer + 1 + c], scored.probabilities?.[r * k + c], `row ${r + 1}, class ${scored.classes![c]}`);
      distinct.add(row[answer] ?? "");
    }
  });
  return { rows: rows.length, maxDifference, distinct: distinct.size };
}
