// Accessibility of the app's frame and its non-model pages: axe-core (WCAG 2.2 AA tags) finds nothing at 1280 px and
// 390 px, the portfolio also in dark colours; nothing scrolls sideways on a phone; the keyboard reaches the skip link
// first and then the app bar in visual order, each with a visible ring, and Enter follows a link; the dark-mode
// switch works and the page arrives in the chosen colours after a reload (the <html> class is set before the first
// paint, so there is no flash).
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./support/a11y";
import { signIn } from "./support/session";

const WIDTHS = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
] as const;

const OWNER_PAGES = [
  { path: "/", heading: "Your models" },
  { path: "/help", heading: "Help" },
  { path: "/audit", heading: "Audit log" },
  { path: "/settings/account", heading: "Your account" },
  { path: "/settings/members", heading: "Members" },
  { path: "/settings/tokens", heading: "API tokens" },
  { path: "/models/new", heading: "Add a model" },
] as const;

/** Records the <html> class at the first animation frame, i.e. before the first paint. */
async function recordFirstFrameClass(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __firstFrameClass?: string };
    requestAnimationFrame(() => {
      w.__firstFrameClass = document.documentElement.className;
    });
  });
}

async function firstFrameClass(page: Page): Promise<string> {
  await page.waitForFunction(() => typeof (window as unknown as { __firstFrameClass?: string }).__firstFrameClass === "string");
  return page.evaluate(() => (window as unknown as { __firstFrameClass: string }).__firstFrameClass);
}

for (const size of WIDTHS) {
  test.describe(`${size.name} (${size.width}px)`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test("the sign-in page has no axe violations and fits", async ({ page }) => {
      await page.goto("/login");
      await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
      await expectNoAxeViolations(page, `/login at ${size.width}px`);
      await expectNoHorizontalScroll(page);
    });

    test("the owner's pages have no axe violations and fit", async ({ page }) => {
      test.setTimeout(120_000);
      await signIn(page, "owner@example.com");
      for (const { path, heading } of OWNER_PAGES) {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
        await expectNoAxeViolations(page, `${path} at ${size.width}px`);
        await expectNoHorizontalScroll(page);
      }
      // The owner's menu is whole: the name, the role, the colour switch and sign-out are on screen.
      const banner = page.getByRole("banner");
      for (const part of [banner.getByTestId("user-name"), banner.getByTestId("user-role"), banner.getByTestId("theme-toggle"), banner.getByRole("button", { name: "Sign out" })]) {
        const box = await part.boundingBox();
        expect(box, "menu item has a box").not.toBeNull();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width).toBeLessThanOrEqual(size.width);
      }
    });

    test("the portfolio has no axe violations in dark colours", async ({ page }) => {
      await page.emulateMedia({ colorScheme: "dark" });
      await signIn(page, "owner@example.com");
      await page.goto("/");
      await expect(page.locator("html")).toHaveClass(/\bdark\b/);
      await expect(page.getByRole("heading", { level: 1, name: "Your models" })).toBeVisible();
      await expectNoAxeViolations(page, `/ in dark colours at ${size.width}px`);
      await expectNoHorizontalScroll(page);
    });

    test("the 403 page names the roles that may enter", async ({ page }) => {
      await signIn(page, "viewer@example.com");
      const response = await page.goto("/settings/members");
      expect(response?.status()).toBe(403);
      await expect(page.getByTestId("forbidden-roles")).toContainText("Only owners may add and remove people.");
      await expectNoAxeViolations(page, `403 at ${size.width}px`);
      await expectNoHorizontalScroll(page);
      await page.goto("/models/new");
      await expect(page.getByTestId("forbidden-roles")).toContainText("Owners and analysts may add a model.");
    });
  });
}

test("keyboard: the skip link first, then the app bar in visual order with a visible ring; Enter follows", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, "owner@example.com");
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Your models" })).toBeVisible();
  await page.locator("body").focus();

  await page.keyboard.press("Tab");
  const skip = page.getByTestId("skip-link");
  await expect(skip).toBeFocused();
  const skipBox = await skip.boundingBox();
  expect(skipBox && skipBox.width > 20 && skipBox.height > 10, "the skip link shows when focused").toBe(true);

  const expected = ["Sightline", "Dark", "Sign out", "Models", "Inbox", "Audit log", "Members", "API tokens", "Account", "Help"];
  const seen: { name: string; x: number; y: number; outline: string; width: number }[] = [];
  for (let i = 0; i < expected.length; i++) {
    await page.keyboard.press("Tab");
    seen.push(
      await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const style = getComputedStyle(el);
        const box = el.getBoundingClientRect();
        return { name: (el.innerText || el.getAttribute("aria-label") || "").trim(), x: box.x, y: box.y, outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
      }),
    );
  }
  // The inbox link carries its unread count ("Inbox 2 (2 unread notes)"): compare the words before it.
  expect(seen.map((s) => s.name.split(/\s*\d|\n/)[0])).toEqual(expected);
  for (const s of seen) {
    expect(s.outline, `${s.name} shows a ring`).toBe("solid");
    expect(s.width, `${s.name} ring width`).toBeGreaterThanOrEqual(2);
  }
  // Visual order: each stop is below the previous one, or on the same line to its right.
  for (let i = 1; i < seen.length; i++) {
    const [a, b] = [seen[i - 1]!, seen[i]!];
    expect(b.y > a.y + 4 || (Math.abs(b.y - a.y) <= 8 && b.x > a.x), `${a.name} then ${b.name}`).toBe(true);
  }
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Models" })).toHaveAttribute("aria-current", "page");

  // Enter follows the focused link (Help), and the navigation marks it as the current page.
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/help$/);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Help" })).toHaveAttribute("aria-current", "page");

  // The skip link moves focus to the page's content.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Help" })).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("#main")).toBeFocused();
});

test("the dark-mode switch works and survives a reload without a flash", async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: "light", viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await recordFirstFrameClass(page);
  await signIn(page, "owner@example.com");
  const html = page.locator("html");
  await expect(html).not.toHaveClass(/\bdark\b/);
  const lightBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  const toggle = page.getByTestId("theme-toggle");
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await toggle.click();
  await expect(html).toHaveClass(/\bdark\b/);
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  const darkBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(darkBackground).not.toBe(lightBackground);

  // After a reload the class is right at the first frame, and the server sent it in the HTML itself.
  await page.reload();
  expect(await firstFrameClass(page)).toMatch(/\bdark\b/);
  const sent = await page.request.get("/").then((r) => r.text());
  expect(sent).toMatch(/<html[^>]*class="dark"/);
  await expect(toggle).toHaveAttribute("aria-pressed", "true");

  // Back to light, which also holds against a device set to dark.
  await toggle.click();
  await expect(html).not.toHaveClass(/\bdark\b/);
  await page.emulateMedia({ colorScheme: "dark" });
  await page.reload();
  expect(await firstFrameClass(page)).not.toMatch(/\bdark\b/);
  await expect(html).toHaveClass(/\blight\b/);
  await context.close();
});

test("without a choice the page follows the device's colours from the first frame", async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: "dark", viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await recordFirstFrameClass(page);
  await signIn(page, "owner@example.com");
  await page.goto("/help");
  expect(await firstFrameClass(page)).toMatch(/\bdark\b/);
  await expect(page.getByTestId("theme-toggle")).toHaveAttribute("aria-pressed", "true");
  await context.close();
});
