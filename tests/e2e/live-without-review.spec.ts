// A version live from before reviews existed (the e2e data adds a workspace with a model whose version 1 is marked
// live the way the old demo seed did, tests/e2e/support/old-database.ts) carries "Live without a review" on every page that shows it,
// and its owner gets the next step that gives the version in use a sign-off. The income model's live version went
// live through a review and carries no such words.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./support/a11y";
import { BEFORE_REVIEWS_OWNER, MODEL_FROM_BEFORE_REVIEWS } from "./support/before-reviews";
import { signedInPage } from "./support/session";

test("a version live without a review says so on every page, and asks its owner to submit a version", async ({ browser }) => {
  const page = await signedInPage(browser, BEFORE_REVIEWS_OWNER.email);
  const card = page.locator(`li[data-model="${MODEL_FROM_BEFORE_REVIEWS}"]`);
  await expect(card.getByTestId("live-version")).toHaveText("Live: version 1");
  await expect(card.getByTestId("live-without-review")).toHaveText("Live without a review");
  const step = card.getByTestId("live-without-review-step");
  await expect(step).toContainText("submit it for review, so that the version in use has a sign-off.");
  await step.getByRole("link", { name: "Add a version to review" }).click();
  await expect(page).toHaveURL(/\/models\/[^/]+#versions$/);
  const id = new URL(page.url()).pathname.split("/")[2]!;

  // The header every model page shares, and the model page's list of versions.
  const header = page.getByTestId("model-header");
  await expect(header.getByTestId("live-without-review")).toHaveText("Live without a review");
  await expect(header.getByTestId("live-without-review-step")).toBeVisible();
  await expect(page.getByTestId("version-list").getByTestId("live-without-review")).toHaveCount(1);
  await expect(page.getByRole("heading", { name: "Versions", exact: true })).toBeVisible();

  await page.goto(`/models/${id}/versions`);
  const row = page.locator('[data-testid="version"][data-version="1"]');
  await expect(row.getByTestId("live-without-review")).toBeVisible();
  await expect(header.getByTestId("live-without-review-step")).toBeVisible();
  await expect(page.getByTestId("versions-table")).toContainText("Live (live without a review)");

  await page.goto(`/models/${id}/versions/1`);
  await expect(page.getByTestId("version-lead")).toHaveText("Version 1 is live without a review.");
  await expect(page.getByTestId("version-page").getByTestId("live-without-review")).toHaveText("Live without a review");
  await expect(page.getByTestId("version-page").getByText("It went live before reviews existed, and nobody reviewed it.")).toBeVisible();
  await expect(header.getByTestId("live-without-review-step").getByRole("link", { name: "Add a version to review" })).toBeVisible();
  await expect(page.locator('[data-testid="live-history"] li[data-without-review="true"]')).toContainText("It went live without a review.");
  await expectNoAxeViolations(page, "version live without a review");
  await page.setViewportSize({ width: 390, height: 800 });
  await expectNoHorizontalScroll(page);

  await page.goto(`/models/${id}/versions/1/packet`);
  await expect(page.getByTestId("packet").getByTestId("live-without-review")).toContainText("Live without a review. It went live before reviews existed");

  // The demo models went live through a review: no such words on their cards.
  const owner = await signedInPage(browser, "owner@example.com");
  await expect(owner.locator('li[data-model="Income screener"]').getByTestId("live-version")).toHaveText("Live: version 1");
  await expect(owner.getByTestId("live-without-review")).toHaveCount(0);
});
