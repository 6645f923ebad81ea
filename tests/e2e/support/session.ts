import { expect, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "sightline-demo";

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("user-role")).toBeVisible();
}

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;
/** Demo accounts' signed-in cookies, one sign-in per account and test worker (tests never sign these sessions out). */
const demoSessions = new Map<string, StorageState>();

/**
 * A signed-in page in its own browser context (its own cookies), on `/`. Demo accounts reuse this worker's session
 * of that account instead of signing in through the form each time; tests that sign out or change a password use
 * `signIn` on a page of their own, or an account of their own.
 */
export async function signedInPage(browser: Browser, email: string, password = DEMO_PASSWORD): Promise<Page> {
  const saved = password === DEMO_PASSWORD ? demoSessions.get(email) : undefined;
  const context = await browser.newContext(saved ? { storageState: saved } : {});
  const page = await context.newPage();
  if (saved) {
    await page.goto("/");
    await expect(page.getByTestId("user-role")).toBeVisible();
    return page;
  }
  await signIn(page, email, password);
  if (password === DEMO_PASSWORD) demoSessions.set(email, await context.storageState());
  return page;
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@example.org`;
}

/** Our error notices (role="alert"), not Next.js's empty route announcer which has the same role. */
export function alertOf(page: Page): Locator {
  return page.locator('[role="alert"]:not(#__next-route-announcer__)');
}

/** An owner's invitation link for `email` with `role`, made on the members page. */
export async function invite(owner: Page, email: string, role: string): Promise<string> {
  await owner.goto("/settings/members");
  await owner.getByLabel("E-mail of the new member").fill(email);
  await owner.getByLabel("Role", { exact: true }).selectOption(role);
  await owner.getByRole("button", { name: "Create invitation link" }).click();
  const link = owner.getByTestId("invite-link");
  await expect(link).toHaveValue(/\/invite\/[A-Za-z0-9_-]{43}$/);
  return link.inputValue();
}
