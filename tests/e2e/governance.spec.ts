// Reviews and sign-offs on a model this test uploads itself: the analyst submits, the viewer and the analyst cannot
// review, the reviewer approves with the checklist, the owner makes it live, the live history answers for a time before
// and after, a new labelled window voids an approval, a rollback works and is logged, reviewers read the audit log.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./support/a11y";
import { DEMO, productionMonths, pushData, pushVersion, createModelThroughForm } from "./support/models";
import { signedInPage } from "./support/session";

async function review(page: Page, decision: "Approve" | "Ask for changes" | "Reject", comment: string): Promise<void> {
  const form = page.getByTestId("review-form");
  for (const fieldset of await form.locator("fieldset").filter({ hasText: "NIST AI RMF" }).all()) {
    await fieldset.getByLabel("Yes", { exact: true }).check();
  }
  await form.getByLabel(decision, { exact: true }).check();
  await form.getByLabel("Comment").fill(comment);
  await form.getByRole("button", { name: "Send review" }).click();
  // Once sent, the form gives way to the review in the list (nobody reviews the same evidence twice).
  await expect(page.getByTestId("review").filter({ hasText: comment })).toBeVisible();
  await expect(page.getByTestId("review-form")).toHaveCount(0);
}

interface VersionState {
  status: string;
  effectiveStatus: string;
  evidenceHash: string;
  evidenceChanged: boolean;
  reviews: { reviewer: string; decision: string; counts: boolean; evidenceHash: string }[];
}

async function versionState(request: APIRequestContext, modelId: string, version: number): Promise<VersionState> {
  const response = await request.get(`/api/v1/models/${modelId}/versions/${version}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as VersionState;
}

test("a version goes live through review, the live history answers, new evidence voids an approval, and a rollback is logged", async ({ browser }) => {
  test.setTimeout(600_000);
  const analyst = await signedInPage(browser, "analyst@example.com");
  const reviewer = await signedInPage(browser, "reviewer@example.com");
  const owner = await signedInPage(browser, "owner@example.com");
  const viewer = await signedInPage(browser, "viewer@example.com");

  const modelId = await createModelThroughForm(analyst, `Governed ${Date.now()}`);
  await pushVersion(analyst.request, modelId, "income-screener-v1.onnx");
  await pushData(analyst.request, modelId, "kind=reference&file=income-reference.csv", fs.readFileSync(path.join(DEMO, "data/income-reference.csv")));
  await pushData(analyst.request, modelId, "kind=production&splitBy=month&file=spring.csv", productionMonths(["2026-05", "2026-06", "2026-07"]));
  const page1 = `/models/${modelId}/versions/1`;

  // The versions list links to the version page.
  await analyst.goto(`/models/${modelId}/versions`);
  await analyst.getByRole("link", { name: "Version 1", exact: true }).click();
  await expect(analyst).toHaveURL(new RegExp(`${page1}$`));
  await expect(analyst.getByTestId("version-status")).toHaveText("Draft");
  await expect(analyst.getByTestId("evidence-item")).toHaveCount(4); // the reference and three labelled months
  await expect(analyst.getByTestId("review-form")).toHaveCount(0);

  // The analyst submits.
  await analyst.getByRole("button", { name: "Submit for review" }).click();
  await expect(analyst.getByText("Sent for review. Reviewers can now see it.")).toBeVisible();
  await expect(analyst.getByTestId("version-status")).toHaveText("In review");
  // The analyst (who submitted) gets no way to approve.
  await expect(analyst.getByTestId("review-form")).toHaveCount(0);
  await expect(analyst.getByRole("button", { name: "Send review" })).toHaveCount(0);
  await expect(analyst.getByRole("button", { name: "Withdraw from review" })).toBeVisible();

  // The viewer reads the page but cannot review or act.
  await viewer.goto(page1);
  await expect(viewer.getByTestId("version-status")).toHaveText("In review");
  await expect(viewer.getByTestId("review-form")).toHaveCount(0);
  await expect(viewer.getByTestId("version-actions")).toHaveCount(0);

  // The reviewer approves with the checklist; an empty comment is refused by the form first.
  await reviewer.goto(page1);
  await expectNoAxeViolations(reviewer, "version page with the review form");
  await review(reviewer, "Approve", "Performance and group gaps are within the policy; the rollback plan is written down.");
  await expect(reviewer.getByTestId("version-status")).toHaveText("Approved");
  await expect(reviewer.getByTestId("review")).toHaveCount(1);
  await expect(reviewer.getByTestId("review").first()).toHaveAttribute("data-counts", "true");
  // Reviewers read the audit log now, filtered to this version.
  await reviewer.getByTestId("audit-link").click();
  await expect(reviewer).toHaveURL(/\/audit\?model=.*&version=1/);
  await expect(reviewer.locator("[data-testid='audit-row'][data-action='version.approved']")).toHaveCount(1);
  await expect(reviewer.locator("[data-testid='audit-row'][data-action='version.submitted']")).toHaveCount(1);

  // Only the owner may make it live.
  await expect(reviewer.request.get(page1).then((r) => r.status())).resolves.toBe(200);
  await reviewer.goto(page1);
  await expect(reviewer.getByRole("button", { name: "Make live" })).toHaveCount(0);
  const beforeLive = new Date().toISOString();
  await owner.goto(page1);
  await owner.getByRole("button", { name: "Make live" }).click();
  await expect(owner.getByTestId("version-status")).toHaveText("Live");
  const v1 = await versionState(owner.request, modelId, 1);

  // The live history: nothing before, version 1 after, with who approved it and the evidence hash.
  const before = await owner.request.get(`/api/v1/models/${modelId}/live?at=${encodeURIComponent(beforeLive)}`);
  expect(before.status()).toBe(404);
  expect(((await before.json()) as { error: { code: string } }).error.code).toBe("none_live");
  const after = await owner.request.get(`/api/v1/models/${modelId}/live?at=${encodeURIComponent(new Date().toISOString())}`);
  expect(after.status()).toBe(200);
  expect(await after.json()).toMatchObject({ version: 1, approvedBy: ["Rafael Reviewer"], evidenceHash: v1.evidenceHash, withoutReview: false, until: null });
  expect((await owner.request.get(`/api/v1/models/${modelId}/live?at=last-march`)).status()).toBe(400);
  await owner.goto(`${page1}?at=${new Date().toISOString().slice(0, 10)}`);
  await expect(owner.getByTestId("live-at")).toContainText("version 1 was live");
  await expect(owner.getByTestId("live-history")).toContainText("Rafael Reviewer said yes to it.");

  // Version 2: uploaded and submitted through the API, approved, then a new labelled month voids the approval.
  const v2 = await pushVersion(analyst.request, modelId, "income-screener-v2.onnx");
  const submitted = await analyst.request.post(`/api/v1/models/${modelId}/versions/${v2}/submit`, { data: { comment: "Candidate" } });
  expect(submitted.status(), await submitted.text()).toBe(200);
  expect(await submitted.json()).toMatchObject({ status: "in_review", reviews: [] });
  const again = await analyst.request.post(`/api/v1/models/${modelId}/versions/${v2}/submit`);
  expect(again.status()).toBe(409);
  const page2 = `/models/${modelId}/versions/${v2}`;
  await reviewer.goto(page2);
  await expect(reviewer.getByTestId("comparison")).toContainText(`Version ${v2} is next to live version 1.`);
  await review(reviewer, "Approve", "Better on the recent months; the gaps between groups are explained.");
  const approved = await versionState(reviewer.request, modelId, v2);
  expect(approved).toMatchObject({ effectiveStatus: "approved", evidenceChanged: false });

  await pushData(analyst.request, modelId, "kind=production&splitBy=month&file=august.csv", productionMonths(["2026-08"]));
  const voided = await versionState(reviewer.request, modelId, v2);
  expect(voided.evidenceHash).not.toBe(approved.evidenceHash);
  expect(voided).toMatchObject({ effectiveStatus: "in_review", evidenceChanged: true });
  expect(voided.reviews).toEqual([expect.objectContaining({ decision: "approve", counts: false, evidenceHash: approved.evidenceHash })]);
  await owner.goto(page2);
  await expect(owner.getByTestId("version-status")).toHaveText("In review");
  await expect(owner.getByTestId("evidence-changed")).toContainText("no longer count");
  await expect(owner.getByRole("button", { name: "Make live" })).toHaveCount(0);

  // Reviewed again on the new evidence, made live: version 1 is retired.
  await reviewer.goto(page2);
  await review(reviewer, "Approve", "Still fine with August included; approving on the new evidence.");
  await owner.goto(page2);
  await owner.getByRole("button", { name: "Make live" }).click();
  await expect(owner.getByTestId("version-status")).toHaveText("Live");
  expect((await versionState(owner.request, modelId, 1)).status).toBe("retired");

  // Roll back to version 1 (it was approved), logged.
  await owner.goto(page1);
  await expect(owner.getByTestId("version-status")).toHaveText("Retired");
  await owner.getByRole("button", { name: "Roll back to this version" }).click();
  await expect(owner.getByTestId("version-status")).toHaveText("Live");
  expect((await versionState(owner.request, modelId, v2)).status).toBe("retired");
  await expect(owner.getByTestId("status-timeline").locator("[data-step='rollback']")).toHaveCount(1);
  await owner.goto(`/audit?model=${modelId}&action=version.rolled_back`);
  await expect(owner.locator("[data-testid='audit-row']")).toHaveCount(1);
  await expect(owner.locator("[data-testid='audit-row']")).toContainText("Version 1 went live again in a roll back");
  const live = await owner.request.get(`/api/v1/models/${modelId}/live`);
  expect(await live.json()).toMatchObject({ version: 1, how: "rollback" });

  // The page fits a phone and passes axe.
  await owner.setViewportSize({ width: 390, height: 900 });
  await owner.goto(page1);
  await expectNoHorizontalScroll(owner);
  await expectNoAxeViolations(owner, "version page at 390 px");
});

test("the demo's live version went through review, and version 2 waits for it", async ({ browser }) => {
  const reviewer = await signedInPage(browser, "reviewer@example.com");
  const models = (await (await reviewer.request.get("/api/v1/models")).json()) as { models: { id: string; name: string }[] };
  const income = models.models.find((m) => m.name === "Income screener")!;
  const v1 = await versionState(reviewer.request, income.id, 1);
  expect(v1).toMatchObject({ status: "live", liveWithoutReview: false });
  expect(v1.reviews).toEqual([expect.objectContaining({ reviewer: "Rafael Reviewer", decision: "approve", counts: true })]);
  expect(await versionState(reviewer.request, income.id, 2)).toMatchObject({ status: "in_review", reviews: [] });
  await reviewer.goto(`/models/${income.id}/versions/2`);
  await expect(reviewer.getByTestId("review-form")).toBeVisible();
  await expect(reviewer.getByTestId("comparison")).toContainText("Version 2 is next to live version 1.");
  await expectNoAxeViolations(reviewer, "demo version 2");
});
