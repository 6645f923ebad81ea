// Every page fits a phone (390 px) and a desktop without sideways scrolling. Screenshots land in
// test-results/screens/ for a person to look at.
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/session";

const WIDTHS = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
] as const;

async function fitsWidth(page: Page, shot: string): Promise<void> {
  await page.waitForLoadState("networkidle");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  await page.screenshot({ path: `test-results/screens/${shot}.png`, fullPage: true });
  expect(overflow, `${shot} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
}

for (const size of WIDTHS) {
  test.describe(`${size.name} (${size.width}px)`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test("login page", async ({ page }) => {
      await page.goto("/login");
      await fitsWidth(page, `login-${size.name}`);
    });

    test("owner pages", async ({ page }) => {
      await signIn(page, "owner@example.com");
      await fitsWidth(page, `portfolio-${size.name}`);
      await page.getByRole("heading", { name: "Income screener" }).click();
      await expect(page.getByRole("heading", { name: "About this model" })).toBeVisible();
      await fitsWidth(page, `model-${size.name}`);
      for (const [path, name] of [
        ["/settings/members", "members"],
        ["/settings/account", "account"],
        ["/audit", "audit"],
        ["/settings/tokens", "tokens"],
        ["/models/new", "new-model"],
      ] as const) {
        await page.goto(path);
        await fitsWidth(page, `${name}-${size.name}`);
      }
    });

    test("403 and 404 pages", async ({ page }) => {
      await signIn(page, "viewer@example.com");
      await page.goto("/settings/members");
      await fitsWidth(page, `forbidden-${size.name}`);
      await page.goto("/models/nope");
      await fitsWidth(page, `not-found-${size.name}`);
    });
  });
}
