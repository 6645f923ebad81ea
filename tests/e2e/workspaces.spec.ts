// A person in two workspaces switches between them in the app bar; each shows only its own models and role.
import { expect, test, type Browser } from "@playwright/test";
import { invite, signedInPage, uniqueEmail } from "./support/session";

const PASSWORD = "a long enough password";

async function join(browser: Browser, link: string): Promise<void> {
  const page = await browser.newPage();
  await page.goto(new URL(link).pathname);
  await page.getByLabel("Your name").fill("Wes Twoplaces");
  await page.getByLabel("Choose a password").fill(PASSWORD);
  await page.getByLabel("Password again").fill(PASSWORD);
  await page.getByRole("button", { name: "Join the workspace" }).click();
  await expect(page).toHaveURL(/\/login\?reason=joined/);
  await page.context().close();
}

test("a member of two workspaces switches between them, and each shows its own models and role", async ({ browser }) => {
  const email = uniqueEmail("two-places");
  const northwind = await signedInPage(browser, "owner@example.com");
  await join(browser, await invite(northwind, email, "analyst"));
  const bikes = await signedInPage(browser, "owner@capitalbikes.example");
  // The same e-mail joins the second workspace with the password of the account it already has.
  await join(browser, await invite(bikes, email, "viewer"));

  const page = await signedInPage(browser, email, PASSWORD);
  await expect(page.getByTestId("workspace-name")).toHaveText("Northwind Lending");
  await expect(page.getByTestId("user-role")).toHaveText("analyst");
  await expect(page.getByRole("link", { name: /Income screener/ }).first()).toBeVisible();

  const switcher = page.getByTestId("workspace-switcher");
  await switcher.getByLabel("Workspace").selectOption({ label: "Capital Bikes" });
  await switcher.getByRole("button", { name: "Switch" }).click();
  await expect(page.getByTestId("workspace-name")).toHaveText("Capital Bikes");
  await expect(page.getByTestId("user-role")).toHaveText("viewer");
  await expect(page.getByRole("link", { name: /Bike rental demand/ }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: /Income screener/ })).toHaveCount(0);
  // The API called with this browser's session answers for the chosen workspace too.
  const models = (await (await page.request.get("/api/v1/models")).json()) as { models: { name: string }[] };
  expect(models.models.map((m) => m.name)).toEqual(["Bike rental demand"]);

  // The choice belongs to this browser's session: a fresh sign-in starts in the oldest workspace.
  const other = await signedInPage(browser, email, PASSWORD);
  await expect(other.getByTestId("workspace-name")).toHaveText("Northwind Lending");

  await switcher.getByLabel("Workspace").selectOption({ label: "Northwind Lending" });
  await switcher.getByRole("button", { name: "Switch" }).click();
  await expect(page.getByTestId("workspace-name")).toHaveText("Northwind Lending");
  await expect(page.getByTestId("user-role")).toHaveText("analyst");
});

test("people in one workspace see no workspace picker", async ({ browser }) => {
  const page = await signedInPage(browser, "viewer@example.com");
  await expect(page.getByTestId("workspace-name")).toHaveText("Northwind Lending");
  await expect(page.getByTestId("workspace-switcher")).toHaveCount(0);
});
