// The newcomer's questions, each answered in three clicks or fewer from `/`, as the demo owner sees them.
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/session";

/** Clicks counted from `/`; each journey asserts it stays at three or fewer. */
class Journey {
  clicks = 0;
  constructor(private readonly page: Page) {}
  async click(locator: ReturnType<Page["locator"]>): Promise<void> {
    this.clicks++;
    await locator.click();
  }
  async openModel(name: string): Promise<void> {
    await this.page.goto("/");
    await this.click(this.page.getByRole("link", { name }).first());
    await expect(this.page.getByRole("heading", { level: 1, name })).toBeVisible();
  }
  async openTab(label: string): Promise<void> {
    await this.click(this.page.getByTestId("model-sub-nav").getByRole("link", { name: label, exact: true }));
    await expect(this.page.getByTestId("model-sub-nav").getByRole("link", { name: label, exact: true })).toHaveAttribute("aria-current", "page");
  }
}

test.beforeEach(async ({ page }) => {
  await signIn(page, "owner@example.com");
});

test("is my model OK? One click: the light, the headline and what to do next", async ({ page }) => {
  const journey = new Journey(page);
  await journey.openModel("Income screener");
  await expect(page.getByTestId("headline")).not.toBeEmpty();
  for (const part of ["performance", "drift", "fairness"]) await expect(page.getByTestId(`verdict-${part}`)).toBeVisible();
  await expect(page.getByTestId("next-step").first()).not.toBeEmpty();
  expect(journey.clicks).toBeLessThanOrEqual(3);
});

test("what changed since last month? Two clicks: the latest period compared with the one before", async ({ page }) => {
  const journey = new Journey(page);
  await journey.openModel("Income screener");
  await page.getByLabel("Compare with").selectOption({ label: "The period before" });
  await journey.click(page.getByRole("button", { name: "Show", exact: true }));
  await expect(page).toHaveURL(/compare=previous/);
  await expect(page.getByTestId("changes")).toContainText("September");
  expect(journey.clicks).toBeLessThanOrEqual(3);
});

test("is it fair to women compared with men? Two clicks: the groups by sex, with the reference group named", async ({ page }) => {
  const journey = new Journey(page);
  await journey.openModel("Income screener");
  await journey.openTab("Fairness");
  const table = page.getByTestId("group-table").first();
  await expect(table).toHaveAttribute("data-slice", "sex");
  await expect(table).toContainText("Female");
  await expect(table).toContainText("Male");
  expect(journey.clicks).toBeLessThanOrEqual(3);
});

test("who approved the live version? Three clicks: the live version's page with its reviews", async ({ page }) => {
  const journey = new Journey(page);
  await journey.openModel("Income screener");
  await journey.openTab("Versions");
  const live = page.locator('[data-testid="version"][data-status="live"]');
  await expect(live).toHaveCount(1);
  await journey.click(live.getByRole("link", { name: /^Version \d+$/ }));
  await expect(page.getByTestId("version-page")).toHaveAttribute("data-status", "live");
  await expect(page.locator('[data-testid="review"][data-decision="approve"]').first()).toBeVisible();
  expect(journey.clicks).toBeLessThanOrEqual(3);
});

test("what if this input changed? Two clicks: the model runs in this browser and answers as the case is edited", async ({ page }) => {
  test.setTimeout(90_000);
  const journey = new Journey(page);
  await journey.openModel("Income screener");
  await journey.openTab("What-if");
  const prediction = page.getByTestId("whatif-prediction");
  await expect(prediction).toContainText("%", { timeout: 30_000 });
  const before = await prediction.getAttribute("data-score");
  await page.locator('[data-feature="capital-gain"]').fill("54321");
  await expect(prediction).not.toHaveAttribute("data-score", before ?? "");
  expect(journey.clicks).toBeLessThanOrEqual(3);
});
