// Rows with the model's answers: owners download every row of a period as CSV, scored on request in a child process,
// and the answers give back the stored snapshot's numbers; the performance page shows twenty of them; reviewers see
// the sample without the download; viewers get aggregates only (no rows on the page, 403 from the API).
import Papa from "papaparse";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectNoHorizontalScroll } from "./support/a11y";
import { signedInPage } from "./support/session";

interface Snapshot {
  snapshotId: string;
  window: { id: string; label: string; rows: number; isReference: boolean };
  scorecard: { labelledRows: number; confusion: { tp: number; fp: number; tn: number; fn: number } } | null;
}

/** The Income screener, its live version and the stored snapshot of its latest production period under that version. */
async function incomePeriod(api: APIRequestContext): Promise<{ modelId: string; version: number; snapshot: Snapshot }> {
  const models = (await (await api.get("/api/v1/models")).json()) as { models: { id: string; name: string; liveVersion: number | null }[] };
  const model = models.models.find((m) => m.name === "Income screener");
  expect(model?.liveVersion).not.toBeNull();
  const list = (await (await api.get(`/api/v1/models/${model!.id}/snapshots?limit=20&version=${model!.liveVersion}`)).json()) as {
    items: { id: string; superseded: boolean; window: { isReference: boolean } }[];
  };
  const item = list.items.find((s) => !s.superseded && !s.window.isReference);
  expect(item).toBeDefined();
  const snapshot = (await (await api.get(`/api/v1/models/${model!.id}/snapshots/${item!.id}`)).json()) as Snapshot;
  return { modelId: model!.id, version: model!.liveVersion!, snapshot };
}

test("the owner downloads a period's rows with the model's answers; they give back the snapshot's numbers, and the page shows twenty", async ({ browser }) => {
  const page = await signedInPage(browser, "owner@example.com");
  const { modelId, version, snapshot } = await incomePeriod(page.request);
  const windowId = snapshot.window.id;

  await page.goto(`/models/${modelId}/performance?window=${windowId}`);
  const section = page.getByTestId("scored-rows");
  await expect(section.getByRole("heading", { name: "Rows with the model's answers" })).toBeVisible();
  await expect(section.getByTestId("scored-rows-table").locator("tbody tr")).toHaveCount(20);
  await expect(section).toContainText(`of the ${snapshot.window.rows.toLocaleString("en-US")} rows of ${snapshot.window.label}`);
  const link = section.getByRole("link", { name: "Download all rows with the model's answers (CSV)" });
  const href = await link.getAttribute("href");
  expect(href).toBe(`/api/v1/models/${modelId}/windows/${windowId}/scored.csv?version=${version}`);

  const note = (await section.getByText(/^The answer is >50K when the chance of >50K is [\d.]+ or more\.$/).textContent()) ?? "";
  const threshold = Number(/is ([\d.]+) or more/.exec(note)?.[1]);
  expect(threshold).toBeGreaterThan(0);
  expect((await page.request.get(`/api/v1/models/${modelId}/windows/not-a-window/scored.csv`)).status()).toBe(404);

  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/csv");
  expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="Income-screener-.*-v\d+-scored\.csv"$/);
  const parsed = Papa.parse<Record<string, string>>(await response.text(), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const rows = parsed.data;
  // Every stored row, every stored column, and the answers.
  expect(rows).toHaveLength(snapshot.window.rows);
  expect(parsed.meta.fields).toEqual(expect.arrayContaining(["id", "age", "income", "model_answer", "model_probability_>50K"]));

  // Recompute the confusion counts from the CSV alone: they must equal the stored snapshot's.
  const counts = { tp: 0, fp: 0, tn: 0, fn: 0 };
  const answerBesideItsChance: string[] = [];
  for (const r of rows) {
    const yes = r["model_answer"] === ">50K";
    if (yes !== Number(r["model_probability_>50K"]) >= threshold) answerBesideItsChance.push(r["id"] ?? "?");
    const truth = r["income"];
    if (!truth) continue;
    if (truth === ">50K") counts[yes ? "tp" : "fn"]++;
    else counts[yes ? "fp" : "tn"]++;
  }
  expect(answerBesideItsChance).toEqual([]);
  expect(snapshot.scorecard?.confusion).toEqual(counts);
  expect(snapshot.scorecard?.labelledRows).toBe(counts.tp + counts.fp + counts.tn + counts.fn);

  // The page's twenty rows are rows of the CSV, with the same answers.
  const shown = await section.getByTestId("scored-rows-table").locator("tbody tr").evaluateAll((trs) =>
    trs.map((tr) => ({ row: Number(tr.getAttribute("data-row")), answer: tr.querySelector("[data-testid=scored-answer]")?.textContent ?? "" })),
  );
  for (const { row, answer } of shown) expect(answer, `row ${row}`).toBe(rows[row - 1]?.["model_answer"]);

  // At 390 px the table scrolls inside its own focusable region, not the page.
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalScroll(page);
  await expect(section.getByRole("region", { name: "Sample of rows with the model's answers" })).toHaveAttribute("tabindex", "0");
  // (axe-core checks this page, the sample included, at both widths in model-pages.spec.ts)
});

test("a viewer sees no rows and gets 403 from the API; a reviewer sees the sample without the download", async ({ browser }) => {
  const viewer = await signedInPage(browser, "viewer@example.com");
  const { modelId, snapshot } = await incomePeriod(viewer.request);
  await viewer.goto(`/models/${modelId}/performance?window=${snapshot.window.id}`);
  const section = viewer.getByTestId("scored-rows");
  await expect(section).toContainText("Viewers see totals and charts, not single rows.");
  await expect(section.getByRole("table")).toHaveCount(0);
  await expect(viewer.getByRole("link", { name: /Download all rows/ })).toHaveCount(0);
  const refused = await viewer.request.get(`/api/v1/models/${modelId}/windows/${snapshot.window.id}/scored.csv`);
  expect(refused.status()).toBe(403);
  const error = (await refused.json()) as { error: { code: string; message: string } };
  expect(error.error.code).toBe("forbidden");
  expect(error.error.message).toContain("Only owners and analysts may download rows with the model's answers.");

  const reviewer = await signedInPage(browser, "reviewer@example.com");
  await reviewer.goto(`/models/${modelId}/performance?window=${snapshot.window.id}`);
  const sample = reviewer.getByTestId("scored-rows");
  await expect(sample.getByTestId("scored-rows-table").locator("tbody tr")).toHaveCount(20);
  await expect(sample).toContainText("Reviewers see this sample.");
  await expect(reviewer.getByRole("link", { name: /Download all rows/ })).toHaveCount(0);
  expect((await reviewer.request.get(`/api/v1/models/${modelId}/windows/${snapshot.window.id}/scored.csv`)).status()).toBe(403);
});
