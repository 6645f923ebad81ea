import { expect, test, type Page } from "@playwright/test";
import { alertOf, invite, signIn, signedInPage, uniqueEmail } from "./support/session";

const NEW_PASSWORD = "a long enough password";

async function accept(page: Page, link: string, name: string): Promise<void> {
  await page.goto(new URL(link).pathname);
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Choose a password").fill(NEW_PASSWORD);
  await page.getByLabel("Password again").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Join the workspace" }).click();
  await expect(page).toHaveURL(/\/login\?reason=joined/);
}

function memberRow(owner: Page, email: string) {
  return owner.getByTestId("member-list").locator(`li[data-email="${email}"]`);
}

test("an invited member joins, a role change applies on their next request, and removal locks them out", async ({ browser }) => {
  const owner = await signedInPage(browser, "owner@example.com");
  const email = uniqueEmail("newcomer");
  const link = await invite(owner, email, "viewer");

  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  await accept(member, link, "Nia Newcomer");
  await signIn(member, email, NEW_PASSWORD);
  await expect(member.getByTestId("workspace-name")).toHaveText("Northwind Lending");
  await expect(member.getByTestId("user-role")).toHaveText("viewer");

  // The link works once.
  const reuse = await browser.newPage();
  await reuse.goto(new URL(link).pathname);
  await expect(reuse.getByRole("heading", { name: "This invitation link does not work" })).toBeVisible();

  // Role change: the member's very next request sees it, without signing in again.
  const row = memberRow(owner, email);
  await owner.reload();
  await row.getByLabel("Role of Nia Newcomer").selectOption("analyst");
  await row.getByRole("button", { name: "Save role" }).click();
  await expect(row.getByText("Role changed.")).toBeVisible();
  await member.reload();
  await expect(member.getByTestId("user-role")).toHaveText("analyst");

  // Removal: the next request sends the member to /login with an explanation.
  owner.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: "Remove" }).click();
  await expect(row).toHaveCount(0);
  await member.goto("/");
  await expect(member).toHaveURL(/\/login\?reason=removed/);
  await expect(member.getByText("not a member of any workspace any more")).toBeVisible();

  // And they cannot sign in again.
  await member.getByLabel("E-mail").fill(email);
  await member.getByLabel("Password").fill(NEW_PASSWORD);
  await member.getByRole("button", { name: "Sign in" }).click();
  await expect(alertOf(member)).toContainText("not a member of any workspace any more");

  // The audit log recorded each step and is intact.
  await owner.goto("/audit");
  await expect(owner.getByTestId("audit-verdict")).toContainText("The log is intact");
  await expect(owner.getByText(`${email} was invited as viewer`)).toBeVisible();
  await expect(owner.getByText(`${email} joined as viewer`)).toBeVisible();
  await expect(owner.getByText(`${email} changed from viewer to analyst`)).toBeVisible();
  await expect(owner.getByText(`${email} was removed (was analyst)`)).toBeVisible();
});

test("an invalid e-mail gets a clear message and no invitation", async ({ page }) => {
  await signIn(page, "owner@example.com");
  await page.goto("/settings/members");
  await page.getByLabel("E-mail of the new member").fill("not-an-email");
  await page.getByRole("button", { name: "Create invitation link" }).click();
  await expect(page.getByText("Enter a valid e-mail address, like name@example.com.")).toBeVisible();
  await expect(page.getByTestId("invite-link")).toHaveCount(0);
});

test("inviting an existing member is refused with what to do instead", async ({ page }) => {
  await signIn(page, "owner@example.com");
  await page.goto("/settings/members");
  await page.getByLabel("E-mail of the new member").fill("viewer@example.com");
  await page.getByRole("button", { name: "Create invitation link" }).click();
  await expect(alertOf(page)).toHaveText(
    "viewer@example.com is already a member of this workspace. Change their role in the list instead.",
  );
});

test("a member changes their own password and signs in with it", async ({ browser }) => {
  const owner = await signedInPage(browser, "owner@example.com");
  const email = uniqueEmail("pw");
  const link = await invite(owner, email, "analyst");
  const page = await browser.newPage();
  await accept(page, link, "Pat Password");
  await signIn(page, email, NEW_PASSWORD);
  await page.goto("/settings/account");
  await page.getByLabel("Current password").fill("wrong current password");
  await page.getByLabel("New password", { exact: true }).fill("another long password");
  await page.getByLabel("New password again").fill("another long password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(alertOf(page)).toContainText("Your current password is not right");

  await page.getByLabel("Current password").fill(NEW_PASSWORD);
  await page.getByLabel("New password", { exact: true }).fill("another long password");
  await page.getByLabel("New password again").fill("another long password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your password is changed.")).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/reason=signed-out/);
  await signIn(page, email, "another long password");
  await expect(page.getByTestId("user-role")).toHaveText("analyst");
});
