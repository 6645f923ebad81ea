// Accepted risks on the demo Income screener's version 2 (in review, so the live version's pages stay as other
// specs expect them): the owner accepts a red or amber check with a reason and an end date, cannot confirm it
// themself, the reviewer confirms it, the check then shows "Accepted until ... by ...", and the packet lists it.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./support/a11y";
import { signedInPage } from "./support/session";

async function incomeId(api: APIRequestContext): Promise<string> {
  const body = (await (await api.get("/api/v1/models")).json()) as { models: { id: string; name: string }[] };
  return body.models.find((m) => m.name === "Income screener")!.id;
}

const REASON = "We check each case by hand until the new data comes in.";

test("an owner accepts a risk, a reviewer confirms it, the check and the packet show it", async ({ browser }) => {
  const owner = await signedInPage(browser, "owner@example.com");
  const id = await incomeId(owner.request);
  await owner.goto(`/models/${id}/versions/2`);
  const panel = owner.getByTestId("accepted-risks-panel");
  await expect(panel).toBeVisible();
  // The first red or amber check nobody has accepted yet.
  const first = panel.getByTestId("risky-check").filter({ has: owner.getByTestId("accept-risk-details") }).first();
  await expect(first).toBeVisible();
  const checkId = await first.getAttribute("data-check");
  expect(checkId).toMatch(/^(metric|drift_column|fairness_comparison):/);
  const check = panel.locator(`[data-testid="risky-check"][data-check="${checkId}"]`);
  await check.locator("summary").click();
  await check.getByLabel("Why the business can live with it").fill(REASON);
  const end = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await check.getByLabel("Ends on").fill(end);
  await check.getByRole("button", { name: "Accept this risk" }).click();
  // Proposed: the form gives way to the open acceptance.
  await expect(check).toContainText("This check already has an open acceptance.");

  await owner.reload();
  const proposal = owner.getByTestId("accepted-risk").filter({ hasText: REASON }).first();
  await expect(proposal).toHaveAttribute("data-state", "pending");
  // The owner proposed it, so the owner has no Confirm button.
  await expect(proposal.getByRole("button", { name: "Confirm" })).toHaveCount(0);
  await expect(proposal).toContainText("someone else must confirm it");

  const reviewer = await signedInPage(browser, "reviewer@example.com");
  await reviewer.goto(`/models/${id}/versions/2`);
  const pending = reviewer.getByTestId("accepted-risk").filter({ hasText: REASON }).first();
  await expect(pending.getByRole("button", { name: "Withdraw" })).toHaveCount(0);
  await pending.getByRole("button", { name: "Confirm" }).click();
  await expect(pending.getByText("Confirmed. The check now shows the acceptance.")).toBeVisible();

  await reviewer.reload();
  const accepted = reviewer.locator(`[data-testid="risky-check"][data-check="${checkId}"]`);
  await expect(accepted.getByTestId("accepted-risk-mark")).toContainText(`Accepted until ${end} by Olivia Owner`);
  await expect(accepted.getByTestId("accepted-risk-mark")).toContainText("we check each case by hand");
  await expectNoAxeViolations(reviewer, "version page with an accepted risk");

  await reviewer.goto(`/models/${id}/versions/2/packet`);
  const listed = reviewer.getByTestId("packet-accepted-risk");
  await expect(listed.filter({ hasText: REASON.slice(3, 30) }).first()).toContainText(`Accepted until ${end} by Olivia Owner`);
  await reviewer.setViewportSize({ width: 390, height: 800 });
  await expectNoHorizontalScroll(reviewer);
});
