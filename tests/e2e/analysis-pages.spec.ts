// The drift, fairness-and-slices and data-quality pages on the demo models: the numbers shown equal the stored
// snapshot's numbers (read through the API) at the precision shown; axe-core finds nothing at 1280 and 390 px and
// nothing scrolls sideways; a column's chart opens with Enter and closes with Escape; the window in the URL picks
// the period; the bike model (no sensitive attribute) says so and still shows its slices.
import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./support/a11y";
import { signedInPage } from "./support/session";

interface DriftColumn {
  column: string;
  method: string;
  score: number | null;
  threshold: number;
  drifted: boolean;
  isOutput: boolean;
}
interface Rate {
  value: number | null;
  lower: number | null;
  upper: number | null;
  judgeable: boolean;
}
interface Group {
  group: string;
  rows: number;
  share: number;
  disparity: number | null;
  judgeable: boolean;
  [rate: string]: unknown;
}
interface SliceColumn {
  name: string;
  columns: string[];
  kind: "sensitive" | "intersection" | "other";
  referenceGroup: string | null;
  groups: Group[];
}
interface Snapshot {
  snapshotId: string;
  window: { id: string; label: string; rows: number };
  drift: { columns: DriftColumn[]; shareOfDriftedColumns: number; judgeable?: boolean };
  slices: { metric: string; tolerance: number; columns: SliceColumn[] } | null;
  dataQuality: { rows: number; missing: { column: string; count: number; share: number }[]; duplicates: { count: number; share: number }; problems: unknown[] } | null;
  verdicts: { drift: { reason: string }; fairness: { reason: string }; dataQuality?: { reason: string } };
}

async function modelId(api: APIRequestContext, name: string): Promise<string> {
  const { models } = (await (await api.get("/api/v1/models")).json()) as { models: { id: string; name: string }[] };
  const model = models.find((m) => m.name === name);
  expect(model, name).toBeTruthy();
  return model!.id;
}

async function latest(api: APIRequestContext, id: string): Promise<Snapshot> {
  const response = await api.get(`/api/v1/models/${id}/snapshots/latest`);
  expect(response.status()).toBe(200);
  return (await response.json()) as Snapshot;
}

/** The number in `text` (the first one, "1,234", "60.9%", "-0.5"), and how many decimals it shows. */
function shown(text: string): { value: number; decimals: number; percent: boolean } {
  const m = /(-?[\d,]+(?:\.(\d+))?)(\s*%)?/.exec(text.replace("−", "-"));
  expect(m, `a number in "${text}"`).toBeTruthy();
  return { value: Number(m![1]!.replace(/,/g, "")), decimals: m![2]?.length ?? 0, percent: Boolean(m![3]) };
}

/** The text shows `stored` rounded to the precision it shows (a share as a percentage when the text has "%"). */
function expectShownEquals(text: string, stored: number, label: string): void {
  const s = shown(text);
  const value = s.percent ? stored * 100 : stored;
  const tolerance = 0.5 * 10 ** -s.decimals + 1e-9;
  expect(Math.abs(s.value - value), `${label}: "${text}" against stored ${stored}`).toBeLessThanOrEqual(tolerance);
}

/** Each body row's cells, by the row's data-row key and each cell's data-testid (or data-rate), in one round trip. */
async function readRows(table: Locator): Promise<Map<string, Record<string, string>>> {
  const rows = await table.locator("tbody tr").evaluateAll((trs) =>
    trs.map((tr) => {
      const cells: Record<string, string> = {};
      for (const el of tr.querySelectorAll("[data-testid], [data-rate]")) {
        const key = el.getAttribute("data-rate") ?? el.getAttribute("data-testid") ?? "";
        if (!(key in cells)) cells[key] = (el as HTMLElement).innerText.trim();
      }
      tr.querySelectorAll("td").forEach((td, i) => (cells[`td${i}`] = (td as HTMLElement).innerText.trim()));
      return [tr.getAttribute("data-row") ?? "", cells] as const;
    }),
  );
  return new Map(rows);
}

async function checkBothWidths(page: Page, label: string, afterResize?: () => Promise<void>): Promise<void> {
  await expectNoAxeViolations(page, `${label} at 1280 px`);
  await page.setViewportSize({ width: 390, height: 844 });
  await afterResize?.();
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page, `${label} at 390 px`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

function severity(c: DriftColumn): number {
  if (c.score === null) return -1;
  if (["ks", "chisquare", "z"].includes(c.method)) return c.score <= 0 ? Number.MAX_VALUE : c.threshold / c.score;
  return c.score / c.threshold;
}

async function wide(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("drift: every column's score and limit equal the stored snapshot; Enter opens a column's chart and Escape closes it", async ({ browser }) => {
  const page = await signedInPage(browser, "owner@example.com");
  await wide(page);
  const id = await modelId(page.request, "Income screener");
  const snap = await latest(page.request, id);
  await page.goto(`/models/${id}/drift`);
  await expect(page).toHaveTitle(/Drift · Income screener/);
  await expect(page.getByTestId("drift-verdict").getByTestId("verdict-reason")).toHaveText(snap.verdicts.drift.reason);

  const table = page.getByTestId("drift-table");
  const rows = table.locator("tbody tr");
  await expect(rows).toHaveCount(snap.drift.columns.length);
  // Sorted by how far past its limit each column is, the biggest change first.
  const order = [...snap.drift.columns].sort((a, b) => severity(b) - severity(a)).map((c) => c.column);
  expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-row")))).toEqual(order);
  const cells = await readRows(table);
  for (const c of snap.drift.columns) {
    const row = cells.get(c.column)!;
    if (c.score !== null) expectShownEquals(row["drift-score"]!.replace("Score", ""), c.score, `${c.column} score`);
    expectShownEquals(row["drift-threshold"]!.replace("Limit", ""), c.threshold, `${c.column} limit`);
    expect(row["drift-verdict"], c.column).toBe(c.drifted ? "Changed" : "Not changed");
  }

  // The share of changed columns in the latest period, read from the chart's table.
  const share = page.getByTestId("drift-share-over-time");
  await share.getByTestId("chart-toggle").click();
  const lastRow = share.getByTestId("chart-table").locator(`tr[data-row="${snap.window.label}"]`);
  expectShownEquals(await lastRow.locator("td").nth(2).innerText(), snap.drift.shareOfDriftedColumns, "share of changed columns");
  await share.getByTestId("chart-toggle").click();

  // Keyboard: Enter on the most changed column opens its chart; Escape closes it and focus returns.
  const top = table.locator(`tr[data-row="${order[0]}"]`).getByTestId("open-histogram");
  await top.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByTestId("histogram-dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("heading", { level: 3 })).toHaveText(order[0] === "(model output)" ? "the model's output" : order[0]!);
  await expect(dialog.getByTestId("histogram").getByTestId("chart-summary")).not.toBeEmpty();
  await expect(dialog.getByTestId("histogram").locator("svg").first()).toBeVisible();
  await expectNoAxeViolations(page, "drift page with a column's chart open");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(top).toBeFocused();

  // The model's output has its own chart.
  await expect(page.getByTestId("output-histogram")).toBeVisible();
  await checkBothWidths(page, "drift page");
});

test("the window in the URL picks the period: data quality of an earlier month equals that snapshot", async ({ browser }) => {
  const page = await signedInPage(browser, "viewer@example.com");
  await wide(page);
  const id = await modelId(page.request, "Income screener");
  const now = await latest(page.request, id);
  const list = (await (await page.request.get(`/api/v1/models/${id}/snapshots?limit=100`)).json()) as { items: { id: string; version: number; superseded: boolean; window: { id: string; label: string; isReference: boolean } }[] };
  const version = (await (await page.request.get(`/api/v1/models/${id}/snapshots/latest`)).json()) as { version: { version: number } };
  const earlier = list.items.find((i) => i.version === version.version.version && !i.superseded && !i.window.isReference && i.window.id !== now.window.id);
  expect(earlier, "an earlier month of the shown version").toBeTruthy();
  const snap = (await (await page.request.get(`/api/v1/models/${id}/snapshots/${earlier!.id}`)).json()) as Snapshot;

  for (const [s, url] of [
    [now, `/models/${id}/data-quality`],
    [snap, `/models/${id}/data-quality?window=${earlier!.window.id}`],
  ] as const) {
    await page.goto(url);
    await expect(page).toHaveTitle(/Data quality · Income screener/);
    const dq = s.dataQuality!;
    if (s.verdicts.dataQuality) await expect(page.getByTestId("data-quality-verdict").getByTestId("verdict-reason")).toHaveText(s.verdicts.dataQuality.reason);
    const missing = await readRows(page.getByTestId("missing-table"));
    expect(missing.size).toBe(dq.missing.length);
    for (const m of dq.missing) {
      const row = missing.get(m.column)!;
      expectShownEquals(row.td0!, m.count, `${m.column} missing count`);
      expectShownEquals(row.td1!, m.share, `${m.column} missing share`);
    }
    const duplicates = await page.getByTestId("duplicates").innerText();
    if (dq.duplicates.count > 0) expectShownEquals(duplicates, dq.duplicates.count, "duplicates");
    await expect(page.getByTestId("problems").locator("li")).toHaveCount(dq.problems.length);
  }
  await checkBothWidths(page, "data-quality page");
});

async function checkGroups(detail: Locator, column: SliceColumn, metric: string): Promise<void> {
  const cells = await readRows(detail.getByTestId("group-table"));
  expect([...cells.keys()]).toEqual(column.groups.map((g) => g.group));
  for (const g of column.groups) {
    const row = cells.get(g.group)!;
    const label = `${column.name}=${g.group}`;
    expectShownEquals(row["group-rows"]!, g.rows, `${label} rows`);
    expectShownEquals(row["group-share"]!, g.share, `${label} share`);
    const rate = g[metric] as Rate | undefined;
    // The rate's cell starts with its value; its 95% range follows on the next line.
    if (rate?.value !== null && rate?.value !== undefined) expectShownEquals(row[metric]!.split("\n")[0]!, rate.value, `${label} ${metric}`);
    if (g.group === column.referenceGroup) expect(row["group-verdict"], label).toContain("Reference group");
    else if (!g.judgeable) expect(row["group-verdict"], label).toContain("Too few rows to judge");
    else if (g.disparity !== null) expectShownEquals(row["group-disparity"]!.split("\n")[0]!, g.disparity, `${label} disparity`);
  }
}

test("fairness: per-group counts, rates and gaps equal the stored slices; two sensitive attributes pick their intersection", async ({ browser }) => {
  const page = await signedInPage(browser, "reviewer@example.com");
  await wide(page);
  const id = await modelId(page.request, "Income screener");
  const snap = await latest(page.request, id);
  const slices = snap.slices!;
  await page.goto(`/models/${id}/fairness`);
  await expect(page).toHaveTitle(/Fairness and slices · Income screener/);
  await expect(page.getByTestId("fairness-verdict").getByTestId("verdict-reason")).toHaveText(snap.verdicts.fairness.reason);

  const sex = slices.columns.find((c) => c.name === "sex")!;
  const detail = page.getByTestId("slice-detail");
  await expect(detail).toHaveAttribute("data-slice", "sex");
  await expect(detail.getByTestId("slice-direction")).toContainText(`(the reference group)`);
  await expect(page.getByTestId("disparity-chart").getByTestId("chart-summary")).toContainText(`with ${sex.referenceGroup}`);
  await checkGroups(detail, sex, slices.metric);

  // Two sensitive attributes together: their stored intersection, with its small groups marked.
  await page.getByLabel("Or combine").selectOption("race");
  await page.getByLabel("with", { exact: true }).selectOption("age_band");
  await page.getByRole("button", { name: "Show together" }).click();
  await expect(page).toHaveURL(/a=race&b=age_band/);
  const pair = slices.columns.find((c) => c.kind === "intersection" && c.columns.includes("race") && c.columns.includes("age_band"))!;
  await expect(detail).toHaveAttribute("data-slice", pair.name);
  await checkGroups(detail, pair, slices.metric);
  expect(pair.groups.some((g) => !g.judgeable), "the demo's race × age_band has groups too small to judge").toBe(true);
  await checkBothWidths(page, "fairness page (intersection)");
});

test("the bike model declares no sensitive attribute: the page says so, tells the owner where to declare one, and shows its slices", async ({ browser }) => {
  const page = await signedInPage(browser, "owner@capitalbikes.example");
  await wide(page);
  const id = await modelId(page.request, "Bike rental demand");
  const snap = await latest(page.request, id);
  await page.goto(`/models/${id}/fairness`);
  const note = page.getByTestId("no-sensitive");
  await expect(note).toContainText("No sensitive attribute is declared for this model");
  await expect(note.getByRole("link", { name: "Open the policy page" })).toHaveAttribute("href", `/models/${id}/policy`);
  const first = snap.slices!.columns[0]!;
  const detail = page.getByTestId("slice-detail");
  await expect(detail).toHaveAttribute("data-slice", first.name);
  await expect(detail.getByTestId("slice-direction")).toContainText("They are not a check of fairness.");
  await checkGroups(detail, first, snap.slices!.metric);
  await checkBothWidths(page, "bike fairness page");
});

test("a model without sensitive attributes tells an analyst to ask an owner, by name, instead of linking the policy form", async ({ browser }) => {
  const page = await signedInPage(browser, "analyst@example.com");
  await page.goto("/models/new");
  await page.getByLabel("Name").fill(`No groups ${Date.now().toString(36)}`);
  await page.getByLabel("What does it decide?").fill("Decides which parcels get a second check at the depot.");
  await page.getByText("Yes/no decision").click();
  await page.getByLabel('Which answer counts as "yes"?').fill("1");
  await page.getByRole("button", { name: "Add model" }).click();
  await expect(page).toHaveURL(/\/models\/(?!new)[^/]+$/);
  await page.goto(`${new URL(page.url()).pathname}/fairness`);
  const note = page.getByTestId("no-sensitive");
  await expect(note).toContainText("No sensitive attribute is declared for this model");
  await expect(note).toContainText("Only an owner can declare one. Ask an owner of this workspace (");
  await expect(note).toContainText("Olivia Owner");
  await expect(note.getByRole("link")).toHaveCount(0);
});
