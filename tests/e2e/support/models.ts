// Setting up models for e2e specs through the API (with a signed-in page's cookies): create a model, push a demo
// version or data file, and wait for its job. Shared so specs do not copy them.
import fs from "node:fs";
import path from "node:path";
import { expect, type APIRequestContext, type Page } from "@playwright/test";

export const DEMO = path.join(process.cwd(), "prisma/demo");

/** The demo production file cut to the months given (rows whose timestamp starts with one of them). */
export function productionMonths(months: readonly string[]): Buffer {
  const lines = fs.readFileSync(path.join(DEMO, "data/income-production.csv"), "utf8").split("\n");
  const header = lines[0]!;
  const rows = lines.slice(1).filter((line) => months.some((m) => line.split(",")[1]?.startsWith(m)));
  return Buffer.from([header, ...rows].join("\n") + "\n");
}

export async function waitForJob(request: APIRequestContext, jobId: string): Promise<void> {
  await expect
    .poll(async () => ((await (await request.get(`/api/v1/jobs/${jobId}`)).json()) as { status: string }).status, { timeout: 120_000, intervals: [500] })
    .toBe("succeeded");
}

export async function pushData(request: APIRequestContext, modelId: string, query: string, body: Buffer): Promise<void> {
  const response = await request.post(`/api/v1/models/${modelId}/data?${query}`, { data: body, headers: { "Content-Type": "text/csv" } });
  expect(response.status(), await response.text()).toBe(202);
  await waitForJob(request, ((await response.json()) as { jobId: string }).jobId);
}

/** Uploads a demo model file (prisma/demo/models/FILE) as a new version and waits for its job; returns its number. */
export async function pushVersion(request: APIRequestContext, modelId: string, file: string): Promise<number> {
  const response = await request.post(`/api/v1/models/${modelId}/versions?file=${file}`, {
    data: fs.readFileSync(path.join(DEMO, "models", file)),
    headers: { "Content-Type": "application/octet-stream" },
  });
  expect(response.status(), await response.text()).toBe(201);
  const created = (await response.json()) as { version: number; jobId: string | null };
  if (created.jobId) await waitForJob(request, created.jobId);
  return created.version;
}

/** A yes/no income model like the demo's, made through POST /api/v1/models; returns its id. */
export async function createIncomeModel(request: APIRequestContext, name: string): Promise<string> {
  const response = await request.post("/api/v1/models", {
    data: { name, purpose: "Flags applicants likely to earn more than $50,000 a year.", task: "binary", positiveLabel: ">50K", sensitiveAttributes: ["sex", "race", "age_band"] },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { model: { id: string } }).model.id;
}

/**
 * Adds a model through the form; returns its id. By default a yes/no income model (yes: ">50K"; sensitive: sex, race,
 * age_band); `kind` "Picks a category" makes a category model (no "yes" to name).
 */
export async function createModelThroughForm(
  page: Page,
  name: string,
  options: { positive?: string; groups?: string; kind?: "Yes/no decision" | "Picks a category"; purpose?: string } = {},
): Promise<string> {
  await page.goto("/models/new");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("What does it decide?").fill(options.purpose ?? "Flags applicants likely to earn more than $50,000 a year.");
  await page.getByText(options.kind ?? "Yes/no decision").click();
  if ((options.kind ?? "Yes/no decision") === "Yes/no decision") await page.getByLabel('Which answer counts as "yes"?').fill(options.positive ?? ">50K");
  await page.getByLabel("Groups to check for fairness (optional)").fill(options.groups ?? "sex, race, age_band");
  await page.getByRole("button", { name: "Add model" }).click();
  await expect(page).toHaveURL(/\/models\/(?!new)[^/]+$/);
  return new URL(page.url()).pathname.split("/").pop()!;
}

/** A pipeline's API token, made on the tokens page with an owner's page (data:write and results:read, and versions:manage when asked). */
export async function createApiToken(owner: Page, name: string, options: { versionsManage?: boolean } = {}): Promise<string> {
  await owner.goto("/settings/tokens");
  await owner.getByLabel("What will use this token?").fill(name);
  if (options.versionsManage) await owner.getByRole("checkbox", { name: /versions:manage/ }).check();
  await owner.getByRole("button", { name: "Create token" }).click();
  const token = owner.getByTestId("new-token");
  await expect(token).toHaveValue(/\S/);
  return token.inputValue();
}
