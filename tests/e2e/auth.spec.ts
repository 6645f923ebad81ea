import { expect, test } from "@playwright/test";
import { alertOf, DEMO_PASSWORD, signIn, signedInPage } from "./support/session";

const ROLES = [
  { email: "owner@example.com", role: "owner" },
  { email: "reviewer@example.com", role: "reviewer" },
  { email: "analyst@example.com", role: "analyst" },
  { email: "viewer@example.com", role: "viewer" },
] as const;

for (const { email, role } of ROLES) {
  test(`${role} signs in and sees the workspace, their role and its model`, async ({ page }) => {
    await signIn(page, email);
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId("workspace-name")).toHaveText("Northwind Lending");
    await expect(page.getByTestId("user-role")).toHaveText(role);
    await expect(page.getByRole("heading", { name: "Income screener" })).toBeVisible();
    // The demo model arrives with data, evaluated by the pipeline: its card shows a traffic light.
    await expect(page.locator('li[data-model="Income screener"] [data-light]')).toHaveAttribute("data-light", /green|amber|red/);
    // The other workspace's model is not listed.
    await expect(page.getByText("Bike rental demand")).toHaveCount(0);
  });
}

test("the login page lists the demo accounts in demo mode", async ({ page }) => {
  await page.goto("/login");
  const list = page.getByTestId("demo-accounts");
  for (const { email } of ROLES) await expect(list).toContainText(email);
  await expect(page.getByText(DEMO_PASSWORD)).toBeVisible();
});

test("a wrong password shows a clear message and keeps the visitor on /login", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill("owner@example.com");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(alertOf(page)).toHaveText("Wrong e-mail or password. Check both and try again.");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByLabel("E-mail")).toHaveValue("owner@example.com");
});

test("an unknown e-mail gets the same message as a wrong password", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill("nobody@example.com");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(alertOf(page)).toHaveText("Wrong e-mail or password. Check both and try again.");
});

for (const path of ["/", "/settings/members", "/audit", "/models/anything"]) {
  test(`an anonymous visit to ${path} goes to /login`, async ({ page }) => {
    const response = await page.goto(path);
    await expect(page).toHaveURL(/\/login/);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  });
}

test("after sign-in the visitor lands on the page they asked for", async ({ page }) => {
  await page.goto("/settings/account");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fsettings%2Faccount/);
  await page.getByLabel("E-mail").fill("analyst@example.com");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/settings\/account$/);
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
});

for (const email of ["viewer@example.com", "analyst@example.com", "reviewer@example.com"]) {
  // Reviewers read the audit log (they sign off versions and check what happened); nobody but owners manages members.
  const forbiddenPaths = email.startsWith("reviewer") ? ["/settings/members"] : ["/settings/members", "/audit"];
  test(`${email.split("@")[0]} gets 403 on ${forbiddenPaths.join(" and ")}`, async ({ page }) => {
    await signIn(page, email);
    for (const path of forbiddenPaths) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("heading", { name: "Your role cannot open this page" })).toBeVisible();
    }
    await expect(page.getByRole("link", { name: "Members" })).toHaveCount(0);
  });
}

test("a model of another workspace answers 404", async ({ browser }) => {
  const other = await signedInPage(browser, "owner@capitalbikes.example");
  await expect(other.getByTestId("workspace-name")).toHaveText("Capital Bikes");
  await other.getByRole("heading", { name: "Bike rental demand" }).click();
  await expect(other).toHaveURL(/\/models\/[^/]+$/);
  const foreignModelPath = new URL(other.url()).pathname;
  const ownOk = await other.goto(foreignModelPath);
  expect(ownOk?.status()).toBe(200);

  const page = await signedInPage(browser, "owner@example.com");
  const response = await page.goto(foreignModelPath);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We could not find that page" })).toBeVisible();
  await expect(page.getByText("Bike rental demand")).toHaveCount(0);
});

test("an unknown model id answers 404", async ({ page }) => {
  await signIn(page, "viewer@example.com");
  const response = await page.goto("/models/does-not-exist");
  expect(response?.status()).toBe(404);
});

test("sign-out ends the session", async ({ page }) => {
  await signIn(page, "reviewer@example.com");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login\?reason=signed-out/);
  await expect(page.getByText("You are signed out.")).toBeVisible();
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});

test("every response carries the security headers", async ({ request }) => {
  for (const path of ["/login", "/api/auth/csrf"]) {
    const response = await request.get(path);
    const headers = response.headers();
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["cross-origin-opener-policy"]).toBe("same-origin");
    expect(headers["cross-origin-embedder-policy"]).toBe("require-corp");
    expect(headers["x-powered-by"]).toBeUndefined();
  }
});

test("the app is cross-origin isolated in the browser and its scripts still run", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await signIn(page, "owner@example.com");
  expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(true);
  await page.goto("/settings/members");
  await expect(page.getByRole("heading", { name: "Members" })).toBeVisible();
  expect(errors).toEqual([]);
});
