// A model that loops without end is refused after its deadline, and the server answers other requests meanwhile:
// the dry run runs in a child process (lib/jobs/untrusted-dry-run.ts).
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { computedLoopModel } from "../fixtures/onnx/computed-loop";
import { signedInPage } from "./support/session";

test("a model that loops without end is refused at its deadline while the server keeps answering", async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await signedInPage(browser, "analyst@example.com");
  await page.goto("/models/new");
  await page.getByLabel("Name").fill(`Endless loop ${Date.now()}`);
  await page.getByLabel("What does it decide?").fill("Predicts the number of hours a task takes.");
  await page.getByText("Predicts a number").click();
  await page.getByRole("button", { name: "Add model" }).click();
  await expect(page).toHaveURL(/\/models\/(?!new)[^/]+$/);
  const modelId = new URL(page.url()).pathname.split("/").pop()!;

  const upload = page.request.post(`/api/v1/models/${modelId}/versions?file=endless.onnx`, {
    data: Buffer.from(computedLoopModel(1e12)),
    headers: { "Content-Type": "application/octet-stream" },
    timeout: 60_000,
  });
  // While the child runs the model, the server answers at once.
  await new Promise((r) => setTimeout(r, 2_000));
  for (let i = 0; i < 3; i++) {
    const started = Date.now();
    expect((await page.request.get("/api/health")).status()).toBe(200);
    expect(Date.now() - started).toBeLessThan(1_000);
  }
  const response = await upload;
  const body = (await response.json()) as { error: { message: string } };
  expect(response.status()).toBe(422);
  expect(body.error.message).toContain("endless.onnx");
  expect(body.error.message).toContain("did not finish one test row within 15 s");
  const models = (await (await page.request.get("/api/v1/models")).json()) as { models: { id: string; versionCount: number }[] };
  expect(models.models.find((m) => m.id === modelId)?.versionCount).toBe(0);
});

test("a file that would split into more periods than allowed is refused with what to do, and nothing is stored", async ({ browser }) => {
  const page = await signedInPage(browser, "analyst@example.com");
  const models = (await (await page.request.get("/api/v1/models")).json()) as { models: { id: string; name: string; windowCount: number }[] };
  const income = models.models.find((m) => m.name === "Income screener")!;
  const csv = fs.readFileSync(path.join(process.cwd(), "prisma/demo/data/income-production.csv"));
  const response = await page.request.post(`/api/v1/models/${income.id}/data?kind=production&splitBy=day&file=daily.csv`, {
    data: csv,
    headers: { "Content-Type": "text/csv" },
  });
  const body = (await response.json()) as { error: { message: string } };
  expect(response.status()).toBe(422);
  expect(body.error.message).toContain("daily.csv");
  expect(body.error.message).toMatch(/gives \d+ periods; one upload may have at most 40/);
  expect(body.error.message).toContain("week or month");
  const after = (await (await page.request.get("/api/v1/models")).json()) as { models: { id: string; windowCount: number }[] };
  expect(after.models.find((m) => m.id === income.id)?.windowCount).toBe(income.windowCount);
});
