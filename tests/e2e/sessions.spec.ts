import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { alertOf, invite, signIn, signedInPage, uniqueEmail } from "./support/session";

const PASSWORD = "a long enough password";

// Each test here signs in several browsers of its own (new members, copied cookies): ten or more page loads.
test.describe.configure({ timeout: 120_000 });

/** A new member of the demo workspace, invited by the demo owner; returns their e-mail. */
async function newMember(browser: Browser, prefix: string, role: string, name: string): Promise<{ email: string; owner: Page }> {
  const owner = await signedInPage(browser, "owner@example.com");
  const email = uniqueEmail(prefix);
  const link = await invite(owner, email, role);
  const page = await browser.newPage();
  await page.goto(new URL(link).pathname);
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Choose a password").fill(PASSWORD);
  await page.getByLabel("Password again").fill(PASSWORD);
  await page.getByRole("button", { name: "Join the workspace" }).click();
  await expect(page).toHaveURL(/\/login\?reason=joined/);
  await page.context().close();
  return { email, owner };
}

async function sessionUser(request: APIRequestContext): Promise<unknown> {
  const response = await request.get("/api/auth/session");
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { user?: unknown } | null;
  return body?.user;
}

/** A second browser that holds a copy of `page`'s cookies (a stolen or copied session cookie). */
async function copyOf(browser: Browser, page: Page): Promise<Page> {
  const context = await browser.newContext();
  await context.addCookies(await page.context().cookies());
  return context.newPage();
}

test("sign-out ends that session on the server: a copied cookie is refused afterwards", async ({ browser }) => {
  const { email } = await newMember(browser, "signout", "viewer", "Sam Signout");
  const first = await signedInPage(browser, email, PASSWORD);
  const copy = await copyOf(browser, first);
  await copy.goto("/");
  await expect(copy.getByTestId("user-role")).toHaveText("viewer");
  expect(await sessionUser(copy.context().request)).toBeTruthy();

  await first.getByRole("button", { name: "Sign out" }).click();
  await expect(first).toHaveURL(/\/login\?reason=signed-out/);

  await copy.goto("/");
  await expect(copy).toHaveURL(/\/login/);
  await expect(copy.getByRole("heading", { name: "Sign in" })).toBeVisible();
  expect(await sessionUser(copy.context().request)).toBeUndefined();
});

test("a password change ends every session; this browser goes on with a fresh one", async ({ browser }) => {
  const { email } = await newMember(browser, "pwchange", "analyst", "Pia Password");
  const here = await signedInPage(browser, email, PASSWORD);
  const elsewhere = await signedInPage(browser, email, PASSWORD);
  const oldCookieCopy = await copyOf(browser, here);

  await here.goto("/settings/account");
  await here.getByLabel("Current password").fill(PASSWORD);
  await here.getByLabel("New password", { exact: true }).fill("another long password");
  await here.getByLabel("New password again").fill("another long password");
  await here.getByRole("button", { name: "Change password" }).click();
  await expect(here.getByText("Your password is changed.")).toBeVisible();
  await here.reload();
  await expect(here.getByRole("banner").getByTestId("user-role")).toHaveText("analyst");

  for (const other of [elsewhere, oldCookieCopy]) {
    await other.goto("/");
    await expect(other).toHaveURL(/\/login/);
    expect(await sessionUser(other.context().request)).toBeUndefined();
  }
  await signIn(elsewhere, email, "another long password");
});

test("'sign out everywhere' on the account page, and an owner signing a member out everywhere", async ({ browser }) => {
  const { email, owner } = await newMember(browser, "everywhere", "viewer", "Eve Everywhere");
  const one = await signedInPage(browser, email, PASSWORD);
  const two = await signedInPage(browser, email, PASSWORD);
  await one.goto("/settings/account");
  await one.getByRole("button", { name: "Sign me out everywhere" }).click();
  await expect(one).toHaveURL(/\/login\?reason=signed-out-everywhere/);
  await two.goto("/");
  await expect(two).toHaveURL(/\/login/);

  const three = await signedInPage(browser, email, PASSWORD);
  await owner.goto("/settings/members");
  const row = owner.getByTestId("member-list").locator(`li[data-email="${email}"]`);
  owner.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: "Sign them out everywhere" }).click();
  await expect(row.getByText("Signed out of every browser (1 session ended).")).toBeVisible();
  await three.goto("/");
  await expect(three).toHaveURL(/\/login/);
});

/** One sign-in POST to the credentials endpoint, as a script would send it. */
async function postCredentials(request: APIRequestContext, email: string, password: string) {
  const csrf = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  return request.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken: csrf.csrfToken, callbackUrl: "/" },
    maxRedirects: 0,
  });
}

test("the 11th wrong password for one account from one address is refused with 429, for an unknown account too", async ({ browser, playwright, baseURL }) => {
  const { email } = await newMember(browser, "throttle", "viewer", "Tom Throttle");
  const request = await playwright.request.newContext({ baseURL });
  for (const account of [email, uniqueEmail("nobody")]) {
    for (let attempt = 1; attempt <= 10; attempt++) {
      const response = await postCredentials(request, account, "not the password");
      expect(response.status(), `attempt ${attempt} for ${account}`).toBe(302);
      expect(response.headers()["location"]).toContain("error=CredentialsSignin");
    }
    const eleventh = await postCredentials(request, account, "not the password");
    expect(eleventh.status()).toBe(429);
    expect(Number(eleventh.headers()["retry-after"])).toBeGreaterThan(14 * 60);
    const body = (await eleventh.json()) as { error: { message: string } };
    expect(body.error.message).toBe("Too many attempts. Try again in 15 minutes.");
  }
  await request.dispose();

  // The sign-in form says so too, even with the right password, until the lock ends.
  const page = await browser.newPage();
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(alertOf(page)).toHaveText(/^Too many attempts\. Try again in 1[45] minutes\.$/);
  await expect(page).toHaveURL(/\/login/);
});

test("a token loses its power when its creator is demoted, and the list shows scopes and expiry", async ({ browser, request }) => {
  const { email, owner: demoOwner } = await newMember(browser, "creator", "owner", "Cora Creator");
  const creator = await signedInPage(browser, email, PASSWORD);
  await creator.goto("/settings/tokens");
  const name = `demotion ${Date.now()}`;
  await creator.getByLabel("What will use this token?").fill(name);
  await expect(creator.getByRole("checkbox", { name: /results:read/ })).toBeChecked();
  await expect(creator.getByRole("checkbox", { name: /data:write/ })).toBeChecked();
  await expect(creator.getByRole("checkbox", { name: /versions:manage/ })).not.toBeChecked();
  await creator.getByRole("button", { name: "Create token" }).click();
  const token = await creator.getByTestId("new-token").inputValue();
  await creator.reload();
  const row = creator.getByTestId("token-list").locator("li", { hasText: name });
  await expect(row).toContainText("expires in 90 days");
  await expect(row).toContainText("never used");

  const auth = { Authorization: `Bearer ${token}` };
  const models = (await (await request.get("/api/v1/models", { headers: auth })).json()) as { models: { id: string; name: string }[] };
  const model = models.models.find((m) => m.name === "Income screener");
  expect(model).toBeDefined();
  const push = () =>
    request.post(`/api/v1/models/${model!.id}/data?kind=production&preview=1&file=batch.csv`, {
      headers: { ...auth, "Content-Type": "text/csv" },
      data: "age,income\n30,1\n",
    });
  const before = await push();
  expect([401, 403]).not.toContain(before.status());

  // Another owner demotes the creator to viewer: the token can no longer push data.
  await demoOwner.goto("/settings/members");
  const member = demoOwner.getByTestId("member-list").locator(`li[data-email="${email}"]`);
  await member.getByLabel("Role of Cora Creator").selectOption("viewer");
  await member.getByRole("button", { name: "Save role" }).click();
  await expect(member.getByText("Role changed.")).toBeVisible();
  const after = await push();
  expect(after.status()).toBe(403);
  // Reading results is still within a viewer's role.
  expect((await request.get("/api/v1/models", { headers: auth })).status()).toBe(200);
});
