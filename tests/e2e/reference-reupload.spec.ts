// New reference data replaces the old for judging: the stored periods are judged against it again in the same job,
// their old results stay as superseded evidence, and the timeline says which reference data is in use.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { createModelThroughForm } from "./support/models";
import { signedInPage } from "./support/session";

const DEMO = path.join(process.cwd(), "prisma/demo");
const octet = { "Content-Type": "application/octet-stream" };

interface Item {
  id: string;
  superseded: boolean;
  window: { id: string; label: string; isReference: boolean };
}
interface Drift {
  drift: { numberOfDriftedColumns: number; columns: { column: string; score: number | null }[] };
}

async function upload(api: APIRequestContext, url: string, data: string | Buffer): Promise<void> {
  const response = await api.post(url, { data, headers: octet });
  const body = (await response.json()) as { jobId?: string | null; error?: { message: string } };
  expect([201, 202], body.error?.message).toContain(response.status());
  if (!body.jobId) return;
  await expect
    .poll(async () => ((await (await api.get(`/api/v1/jobs/${body.jobId}`)).json()) as { status: string }).status, { timeout: 120_000 })
    .toBe("succeeded");
}

test("new reference data: the stored period is judged against it again, and the timeline names the one in use", async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await signedInPage(browser, "analyst@example.com");
  const api = page.request;
  const modelId = await createModelThroughForm(page, `New reference ${Date.now()}`);
  await upload(api, `/api/v1/models/${modelId}/versions?file=v1.onnx`, fs.readFileSync(path.join(DEMO, "models/income-screener-v1.onnx")));
  const reference = fs.readFileSync(path.join(DEMO, "data/income-reference.csv"), "utf8").trim().split("\n");
  const production = fs.readFileSync(path.join(DEMO, "data/income-production.csv"), "utf8").trim().split("\n");
  // The production rows without their date: one period, and the same columns as the reference file.
  const dateAt = production[0]!.split(",").indexOf("timestamp");
  const period = production.slice(0, 801).map((line) => line.split(",").filter((_, i) => i !== dateAt).join(","));
  await upload(api, `/api/v1/models/${modelId}/data?kind=reference&file=first-reference.csv`, `${reference.slice(0, 1001).join("\n")}\n`);
  await upload(api, `/api/v1/models/${modelId}/data?kind=production&file=may.csv`, `${period.join("\n")}\n`);
  const list = async () => ((await (await api.get(`/api/v1/models/${modelId}/snapshots?limit=100`)).json()) as { items: Item[] }).items;
  const before = await list();
  const periodBefore = before.find((i) => !i.window.isReference && !i.superseded)!;
  expect(periodBefore).toBeDefined();

  // The period's own rows become the new reference data: judged against itself, nothing has drifted.
  await upload(api, `/api/v1/models/${modelId}/data?kind=reference&file=second-reference.csv`, `${period.join("\n")}\n`);
  const after = await list();
  expect(after.find((i) => i.id === periodBefore.id)?.superseded, "the old result of the period stays, superseded").toBe(true);
  const periodAfter = after.find((i) => i.window.id === periodBefore.window.id && !i.superseded)!;
  expect(periodAfter.id).not.toBe(periodBefore.id);
  const [oldDrift, newDrift] = await Promise.all([periodBefore, periodAfter].map(async (i) => (await (await api.get(`/api/v1/models/${modelId}/snapshots/${i.id}`)).json()) as Drift));
  expect(newDrift!.drift.numberOfDriftedColumns).toBe(0);
  const age = (d: Drift) => d.drift.columns.find((c) => c.column === "age")?.score;
  expect(age(newDrift!), "the age column is measured against the new reference data").not.toBe(age(oldDrift!));
  expect(after.filter((i) => i.window.isReference && !i.superseded)).toHaveLength(2);

  // The timeline: the newer reference data is in use, the first one says when it was replaced.
  await page.goto(`/models/${modelId}`);
  const statuses = page.getByTestId("window-timeline").getByTestId("reference-status");
  await expect(statuses).toHaveCount(2);
  await expect(statuses.nth(0)).toHaveText("In use: new data is compared with this.");
  await expect(statuses.nth(1)).toHaveText(/^Replaced on \d{4}-\d{2}-\d{2}\. Newer data is no longer compared with it\.$/);
  const owner = await signedInPage(browser, "owner@example.com");
  await owner.goto("/audit?action=data.reference_uploaded");
  await expect(owner.getByTestId("audit-row").filter({ hasText: "second-reference.csv" })).toContainText("It replaces the earlier reference data");
});
