// Notifications in the browser: the analyst submits a version, the reviewer finds it in the inbox with the badge's
// count, opens nothing yet, marks it read and sees the count follow; a viewer's empty inbox says what will show up;
// the inbox passes axe at 1280 and 390 px.
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./support/a11y";
import { createIncomeModel, pushVersion } from "./support/models";
import { signedInPage } from "./support/session";

/** The badge's number in the navigation (0 when it is not shown). */
async function badgeCount(page: Page): Promise<number> {
  const badge = page.getByRole("navigation", { name: "Main" }).getByTestId("unread-count");
  return (await badge.count()) === 0 ? 0 : Number(await badge.textContent());
}

test("a submitted version reaches the reviewer's inbox with the badge, and marking it read updates both", async ({ browser }) => {
  test.setTimeout(90_000);
  const analyst = await signedInPage(browser, "analyst@example.com");
  const name = `Inbox check ${Date.now().toString(36)}`;
  const modelId = await createIncomeModel(analyst.request, name);
  // The reviewer signs in while the version's check runs.
  const [version, reviewer] = await Promise.all([pushVersion(analyst.request, modelId, "income-screener-v1.onnx"), signedInPage(browser, "reviewer@example.com")]);
  await analyst.goto(`/models/${modelId}/versions/${version}`);
  await analyst.getByRole("button", { name: "Submit for review" }).click();
  await expect(analyst.getByTestId("version-status")).toHaveText("In review");

  await reviewer.goto("/");
  const inboxLink = reviewer.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Inbox ?\(\d+ unread notes?\)$/ });
  await expect(inboxLink).toBeVisible();
  await inboxLink.click();
  await expect(reviewer).toHaveURL(/\/inbox$/);
  const note = reviewer.getByTestId("notification").filter({ hasText: name });
  await expect(note).toHaveCount(1);
  await expect(note).toHaveAttribute("data-read", "false");
  await expect(note.getByTestId("unread-mark")).toHaveText("New");
  await expect(note.getByRole("link", { name: `Version ${version} of ${name} waits for review.` })).toHaveAttribute("href", `/models/${modelId}/versions/${version}`);
  // Badge and list come from the same render: the badge counts the unread notes listed.
  const unreadListed = await reviewer.locator("[data-testid='notification'][data-read='false']").count();
  expect(unreadListed).toBeGreaterThanOrEqual(1);
  expect(await badgeCount(reviewer)).toBe(unreadListed);

  await expectNoAxeViolations(reviewer, "inbox at 1280 px");
  await reviewer.setViewportSize({ width: 390, height: 844 });
  await expectNoAxeViolations(reviewer, "inbox at 390 px");
  await expectNoHorizontalScroll(reviewer);
  await reviewer.setViewportSize({ width: 1280, height: 800 });

  await note.getByRole("button", { name: "Mark as read" }).click();
  await expect(note).toHaveAttribute("data-read", "true");
  await expect(note.getByTestId("unread-mark")).toHaveCount(0);
  const stillUnread = await reviewer.locator("[data-testid='notification'][data-read='false']").count();
  expect(await badgeCount(reviewer)).toBe(stillUnread);

  // "Mark all as read" clears the rest; the badge goes away.
  if (stillUnread > 0) {
    await reviewer.getByRole("button", { name: "Mark all as read" }).click();
    await expect(reviewer.locator("[data-testid='notification'][data-read='false']")).toHaveCount(0);
  }
  await expect(reviewer.getByRole("navigation", { name: "Main" }).getByTestId("unread-count")).toHaveCount(0);
  await expect(reviewer.getByText("You have read every note.")).toBeVisible();
});

test("a viewer's empty inbox says what will show up there", async ({ browser }) => {
  const viewer = await signedInPage(browser, "viewer@example.com");
  await viewer.goto("/inbox");
  await expect(viewer.getByTestId("inbox-empty")).toContainText("You will see a note here when a version waits for your review");
  await expect(viewer.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Inbox", exact: true })).toBeVisible();
});
