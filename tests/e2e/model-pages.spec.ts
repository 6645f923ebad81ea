// The model pages (overview, performance, versions) on the demo models: the numbers shown are the stored
// snapshot's (read through the API) at the precision shown; axe-core finds nothing at 1280 and 390 px; nothing
// scrolls sideways on a phone; a chart's "Show as table" toggle works from the keyboard; a copied link with a
// period picked shows that period. Reads the demo data only (changes nothing).
import fs from "node:fs";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./support/a11y";
import { signIn } from "./support/session";

interface Metric {
  name: string;
  value: number | null;
  ci: { lower: number | null; upper: number | null } | null;
}
interface Snapshot {
  snapshotId: string;
  window: { id: string; label: string; isReference: boolean };
  scorecard: {
    labelledRows: number;
    confusion?: { tp: number; fp: number; tn: number; fn: number };
    metrics: Metric[];
    spread?: { bins: { actual: number; rows: number }[]; errors: { edges: number[]; counts: number[] } };
  } | null;
  verdicts: { overall: { light: string; reason: string }; performance: { reason: string } };
}
interface ListItem {
  id: string;
  version: number;
  window: { id: string; label: string; isReference: boolean };
  superseded: boolean;
  href: string;
}

const PERCENT = new Set(["accuracy", "precision", "recall", "f1", "rocAuc", "calibrationError", "mape", "r2", "balancedAccuracy", "macroF1"]);

/** The first number in `text` equals `stored` at the precision it is shown with (percentages on the 0-100 scale). */
function expectShown(text: string, stored: number, percent: boolean): void {
  const match = /-?[\d,]*\.?\d+/.exec(text);
  expect(match, `a number in "${text}"`).not.toBeNull();
  const literal = match![0];
  const shown = Number(literal.replace(/,/g, ""));
  const decimals = literal.includes(".") ? literal.split(".")[1]!.length : 0;
  const value = percent ? stored * 100 : stored;
  expect(Math.abs(shown - value), `"${text}" against the stored ${stored}`).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-9);
}

async function modelId(page: Page, name: string): Promise<string> {
  const body = (await (await page.request.get("/api/v1/models")).json()) as { models: { id: string; name: string }[] };
  const model = body.models.find((m) => m.name === name);
  expect(model, name).toBeDefined();
  return model!.id;
}

async function latest(page: Page, id: string): Promise<Snapshot> {
  return (await (await page.request.get(`/api/v1/models/${id}/snapshots/latest`)).json()) as Snapshot;
}

/** The current snapshots of the live version, by window label. */
async function snapshotsByWindow(page: Page, id: string, version: number): Promise<Map<string, ListItem>> {
  const body = (await (await page.request.get(`/api/v1/models/${id}/snapshots?version=${version}&limit=100`)).json()) as { items: ListItem[] };
  return new Map(body.items.filter((i) => !i.superseded).map((i) => [i.window.label, i]));
}

/** Waits for every chart on the page to have drawn (Recharts loads lazily). */
async function chartsDrawn(page: Page): Promise<void> {
  const drawings = page.getByTestId("chart-drawing");
  const n = await drawings.count();
  for (let i = 0; i < n; i++) await expect(drawings.nth(i).locator("svg, [class*='grid']").first()).toBeVisible();
}

async function checkBothWidths(page: Page, url: string): Promise<void> {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(url);
    await chartsDrawn(page);
    await expectNoAxeViolations(page, `${url} at ${width} px`);
    if (width === 390) await expectNoHorizontalScroll(page);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function expectTiles(tiles: Locator, snapshot: Snapshot): Promise<void> {
  for (const m of snapshot.scorecard!.metrics) {
    if (m.value === null) continue;
    const tile = tiles.locator(`[data-metric='${m.name}']`);
    expectShown((await tile.getByTestId("metric-value").textContent()) ?? "", m.value, PERCENT.has(m.name));
    await expect(tile.getByTestId("metric-value")).toHaveAttribute("title", String(m.value));
    if (m.ci?.lower != null && m.ci.upper != null) {
      const interval = (await tile.getByTestId("metric-interval").textContent()) ?? "";
      const [lo, hi] = interval.match(/-?[\d,]*\.?\d+/g) ?? [];
      expectShown(lo ?? "", m.ci.lower, PERCENT.has(m.name));
      expectShown(hi ?? "", m.ci.upper, PERCENT.has(m.name));
    }
  }
}

test("Income screener: overview, performance and versions show the stored numbers, pass axe at 1280 and 390 px", async ({ page }) => {
  test.setTimeout(240_000); // axe on three long pages at two widths
  await signIn(page, "owner@example.com");
  const id = await modelId(page, "Income screener");
  const snapshot = await latest(page, id);
  const models = (await (await page.request.get("/api/v1/models")).json()) as { models: { id: string; liveVersion: number | null; versionCount: number }[] };
  const facts = models.models.find((m) => m.id === id)!;

  // Overview: the shared header, the headline, the scorecard at the precision shown, the primary metric's chart.
  await page.goto(`/models/${id}`);
  await expect(page).toHaveTitle(/^Income screener: Overview/);
  await expect(page.getByRole("heading", { level: 1, name: "Income screener" })).toBeVisible();
  await expect(page.getByTestId("model-sub-nav").getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("live-version")).toHaveText(`Live: version ${facts.liveVersion}`);
  await expect(page.getByTestId("model-status").locator(`[data-light='${snapshot.verdicts.overall.light}']`)).toBeVisible();
  await expect(page.getByTestId("headline")).toHaveText(snapshot.verdicts.overall.reason);
  for (const m of snapshot.scorecard!.metrics) {
    if (m.value === null) continue;
    const cell = page.getByTestId("metric-table").locator(`tr[data-metric='${m.name}'] td`).first();
    await expect(cell).toHaveAttribute("title", String(m.value));
    expectShown((await cell.textContent()) ?? "", m.value, PERCENT.has(m.name));
  }
  const chart = page.getByTestId("primary-metric-chart");
  await expect(chart.getByTestId("chart-summary")).toContainText("ROC AUC");
  await checkBothWidths(page, `/models/${id}`);

  // Performance: tiles, intervals, the confusion matrix in words and as a table.
  await page.goto(`/models/${id}/performance`);
  await expect(page).toHaveTitle(/^Income screener: Performance/);
  await expect(page.getByTestId("model-sub-nav").getByRole("link", { name: "Performance" })).toHaveAttribute("aria-current", "page");
  await expectTiles(page.getByTestId("metric-tiles"), snapshot);
  const { tp, fp, tn, fn } = snapshot.scorecard!.confusion!;
  await expect(page.getByTestId("confusion-words")).toContainText(`Of 100 applicants whose real answer is >50K, the model finds ${Math.round((tp / (tp + fn)) * 100)}.`);
  await expect(page.getByTestId("confusion-words")).toContainText(`it is right ${Math.round((tp / (tp + fp)) * 100)} times in 100`);
  const confusion = page.getByTestId("confusion-chart");
  await confusion.getByTestId("chart-toggle").click();
  await expect(confusion).toHaveAttribute("data-view", "table");
  await expect(confusion.locator("tr[data-row='positive'] td")).toHaveText([tp.toLocaleString("en-US"), fn.toLocaleString("en-US"), (tp + fn).toLocaleString("en-US")]);
  await expect(confusion.locator("tr[data-row='negative'] td")).toHaveText([fp.toLocaleString("en-US"), tn.toLocaleString("en-US"), (fp + tn).toLocaleString("en-US")]);
  await expect(page.getByTestId("calibration-chart").getByTestId("chart-summary")).toContainText(/When it says about \d+%, it is right [\d.]+% of the time\./);
  await checkBothWidths(page, `/models/${id}/performance`);

  // Versions: every version, its state, who uploaded it; the live one marked.
  await page.goto(`/models/${id}/versions`);
  await expect(page).toHaveTitle(/^Income screener: Versions/);
  await expect(page.getByTestId("version")).toHaveCount(facts.versionCount);
  await expect(page.locator(`[data-testid='version'][data-status='live']`)).toHaveAttribute("data-version", String(facts.liveVersion));
  await expect(page.getByTestId("version-uploaded").first()).toContainText(/Uploaded by .+ on \d{4}-\d{2}-\d{2}/);
  await checkBothWidths(page, `/models/${id}/versions`);
});

test("Bike rental demand: the number model's pages show the stored numbers with units, pass axe at 1280 and 390 px", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, "owner@capitalbikes.example");
  const id = await modelId(page, "Bike rental demand");
  const snapshot = await latest(page, id);
  await page.goto(`/models/${id}/performance`);
  await expect(page).toHaveTitle(/^Bike rental demand: Performance/);
  await expectTiles(page.getByTestId("metric-tiles"), snapshot);
  await expect(page.getByText("Errors and values are in the units of count")).toBeVisible();
  // The answers along the real values and the spread of the errors: groups of rows, as stored.
  const spread = snapshot.scorecard!.spread!;
  expect(spread.errors.counts.reduce((a, b) => a + b, 0)).toBe(snapshot.scorecard!.labelledRows);
  await expect(page.getByTestId("along-chart").getByTestId("chart-summary")).toContainText(`put in ${spread.bins.length} groups of the same size`);
  const errors = page.getByTestId("error-chart");
  await errors.getByTestId("chart-toggle").click();
  await expect(errors.getByTestId("chart-table").locator("tbody tr td:last-child")).toHaveText(spread.errors.counts.map((c) => c.toLocaleString("en-US")));
  await checkBothWidths(page, `/models/${id}/performance`);
  await checkBothWidths(page, `/models/${id}`);
  await checkBothWidths(page, `/models/${id}/versions`);
});

test("a picked period lives in the URL: a copied link shows it, and the Over time rows open it", async ({ page, browser }) => {
  await signIn(page, "viewer@example.com");
  const id = await modelId(page, "Income screener");
  const windows = await snapshotsByWindow(page, id, 1);
  const july = windows.get("2026-07")!;
  const julySnapshot = (await (await page.request.get(july.href)).json()) as Snapshot;

  // An "Over time" row opens its period.
  await page.goto(`/models/${id}`);
  await page.getByTestId("window-timeline").getByRole("link", { name: "2026-07" }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]window=${july.window.id}`));
  await expect(page.getByTestId("headline")).toHaveText(julySnapshot.verdicts.overall.reason);

  // The picker, compared with the period before; the performance page shows July's numbers.
  await page.goto(`/models/${id}/performance`);
  await page.getByLabel("Period shown").selectOption(july.window.id);
  await page.getByLabel("Compare with").selectOption("previous");
  await page.getByRole("button", { name: "Show", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`window=${july.window.id}.*compare=previous|compare=previous.*window=${july.window.id}`));
  await expect(page.getByTestId("view-caption")).toHaveText("This is July 2026. It is compared with June.");
  await expectTiles(page.getByTestId("metric-tiles"), julySnapshot);

  // The copied link, opened in a fresh browser, shows the same view; the sub-navigation keeps it.
  const copied = page.url();
  const other = await browser.newContext();
  const second = await other.newPage();
  await signIn(second, "viewer@example.com");
  await second.goto(copied);
  await expect(second.getByTestId("view-caption")).toHaveText("This is July 2026. It is compared with June.");
  await expect(second.getByLabel("Period shown")).toHaveValue(july.window.id);
  await second.getByTestId("model-sub-nav").getByRole("link", { name: "Overview" }).click();
  await expect(second.getByTestId("headline")).toHaveText(julySnapshot.verdicts.overall.reason);
  await other.close();

  // A malformed or unknown period falls back to the latest, and says so.
  await page.goto(`/models/${id}?window=nope&compare=sideways`);
  await expect(page.getByText("The link named a period this model does not have.")).toBeVisible();
});

test("a chart's Show as table toggle is reachable by keyboard and works", async ({ page }) => {
  await signIn(page, "viewer@example.com");
  const id = await modelId(page, "Income screener");
  // The page streams: its first bytes carry the header and a loading skeleton (announced as loading), then the figures.
  const html = await (await page.request.get(`/models/${id}/performance`)).text();
  const skeleton = html.indexOf('data-testid="model-page-skeleton"');
  const figures = html.indexOf('data-testid="performance-verdict"');
  expect(skeleton, "the loading skeleton is in the first bytes").toBeGreaterThan(-1);
  expect(figures, "the figures follow in the same response").toBeGreaterThan(skeleton);
  await page.goto(`/models/${id}`);
  const chart = page.getByTestId("primary-metric-chart");
  await expect(chart.getByTestId("chart-drawing").locator("svg").first()).toBeVisible();
  const toggle = chart.getByTestId("chart-toggle");
  // Tab from the top of the page until the toggle has focus.
  await page.locator("body").focus();
  let reached = false;
  for (let i = 0; i < 120 && !reached; i++) {
    await page.keyboard.press("Tab");
    reached = await toggle.evaluate((el) => el === document.activeElement);
  }
  expect(reached, "Tab reaches the chart's Show as table button").toBe(true);
  await page.keyboard.press("Enter");
  await expect(chart).toHaveAttribute("data-view", "table");
  await expect(toggle).toHaveText("Show as chart");
  const rows = chart.getByTestId("chart-table").locator("tbody tr");
  await expect(rows.first()).toContainText("Reference data");
  await expect(rows).toHaveCount(7);
  await page.keyboard.press("Space");
  await expect(chart).toHaveAttribute("data-view", "chart");
  // The CSV holds the stored numbers.
  const download = page.waitForEvent("download");
  await chart.getByTestId("download-csv").click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("roc-auc-over-time.csv");
  const csv = fs.readFileSync((await file.path())!, "utf8").split("\r\n");
  expect(csv[0]).toBe("Period,ROC AUC,95% range from,95% range to");
  // The reference row carries the stored value in full, not the rounded text.
  expect(csv[1]).toMatch(/^Reference data,0\.\d{5,}/);
});
