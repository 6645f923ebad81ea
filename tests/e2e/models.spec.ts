import { expect, test } from "@playwright/test";
import { alertOf, signIn, signedInPage } from "./support/session";

test("an analyst adds a model and lands on its page", async ({ page }) => {
  await signIn(page, "analyst@example.com");
  await page.getByRole("link", { name: "Add a model" }).click();
  const name = `Churn watcher ${Date.now()}`;
  // The form is live (hydrated) once the choice shows its own field: typing before that can be lost under load.
  await page.getByText("Yes/no decision").click();
  await expect(page.getByLabel('Which answer counts as "yes"?')).toBeVisible();
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("What does it decide?").fill("Flags customers likely to cancel next month, so staff can call them.");
  await page.getByRole("button", { name: "Add model" }).click();
  await expect(page.getByText('say which answer counts as "yes"')).toBeVisible();
  await page.getByLabel('Which answer counts as "yes"?').fill("1");
  await page.getByLabel("Groups to check for fairness (optional)").fill("region, age_band, region");
  await page.getByRole("button", { name: "Add model" }).click();
  await expect(page).toHaveURL(/\/models\/(?!new)[^/]+$/);
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByText("region, age_band")).toBeVisible();
  await page.goto("/");
  await expect(page.getByRole("heading", { name })).toBeVisible();
});

test("a duplicate model name is refused with what to do", async ({ page }) => {
  await signIn(page, "owner@example.com");
  await page.goto("/models/new");
  await page.getByLabel("Name").fill("Income screener");
  await page.getByLabel("What does it decide?").fill("The same name as the demo model, on purpose.");
  await page.getByText("Predicts a number").click();
  await page.getByRole("button", { name: "Add model" }).click();
  await expect(alertOf(page)).toHaveText('A model named "Income screener" exists already in this workspace. Choose another name.');
});

test("viewers and reviewers cannot add models", async ({ browser }) => {
  for (const email of ["viewer@example.com", "reviewer@example.com"]) {
    const page = await signedInPage(browser, email);
    await expect(page.getByRole("link", { name: "Add a model" })).toHaveCount(0);
    const response = await page.goto("/models/new");
    expect(response?.status()).toBe(403);
  }
});
