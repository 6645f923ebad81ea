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

interface ChecksListing {
  checks: { checkKind: string; checkKey: string; light: string; acceptanceId: string | null }[];
}

test("an accepted risk shows on its check only and ends at its expiry", async ({ browser }) => {
  const owner = await signedInPage(browser, "owner@example.com");
  const reviewer = await signedInPage(browser, "reviewer@example.com");
  const id = await incomeId(owner.request);
  const api = `/api/v1/models/${id}/versions/2/accepted-risks`;
  const listing = (await (await owner.request.get(api)).json()) as ChecksListing;
  // The last check nobody accepted (the test above takes the first one).
  const free = listing.checks.filter((c) => c.acceptanceId === null);
  expect(listing.checks.length).toBeGreaterThan(1);
  const chosen = free[free.length - 1]!;
  const checkId = `${chosen.checkKind}:${chosen.checkKey}`;
  const reason = `We watch this check by hand for a few seconds (run ${Date.now().toString(36)}).`;
  // Through the API the end may be a moment, not only a day: a few seconds from now.
  const expiresAt = new Date(Date.now() + 8_000);
  const proposed = await owner.request.post(api, { data: { checkKind: chosen.checkKind, checkKey: chosen.checkKey, reason, expiresAt: expiresAt.toISOString() } });
  expect(proposed.status()).toBe(201);
  const risk = (await proposed.json()) as { id: string; state: string; expiresAt: string };
  expect(risk).toMatchObject({ state: "pending", expiresAt: expiresAt.toISOString() });
  const confirmed = await reviewer.request.post(`${api}/${risk.id}/confirm`);
  expect(confirmed.status()).toBe(200);
  expect(await confirmed.json()).toMatchObject({ state: "holds" });

  const until = `${expiresAt.toISOString().slice(0, 10)} ${expiresAt.toISOString().slice(11, 19)} UTC`;
  await owner.goto(`/models/${id}/versions/2`);
  const panel = owner.getByTestId("accepted-risks-panel");
  const check = panel.locator(`[data-testid="risky-check"][data-check="${checkId}"]`);
  const mark = check.getByTestId("accepted-risk-mark");
  await expect(mark).toContainText(`Accepted until ${until} by Olivia Owner. That is because we watch this check by hand`);
  await expect(check.getByTestId("check-light")).toHaveCount(0);
  // On its check only: no other check carries this acceptance, and the others show their bare light.
  await expect(panel.getByTestId("risky-check").filter({ hasText: reason.slice(3, -1) })).toHaveCount(1);
  await expect(panel.getByTestId("risky-check").filter({ has: owner.getByTestId("check-light") }).first()).toBeVisible();

  // At its expiry it ends by itself (nobody acts on it): the API says so first, then the page shows the check's bare
  // light again and the list says why.
  const stateNow = async () => ((await (await owner.request.get(api)).json()) as { acceptedRisks: { id: string; state: string }[] }).acceptedRisks.find((r) => r.id === risk.id)?.state;
  await expect.poll(stateNow, { timeout: 20_000, intervals: [250, 500, 1_000] }).toBe("ended");
  await owner.reload();
  await expect(check.getByTestId("check-light")).toBeVisible();
  await expect(mark).toHaveCount(0);
  const ended = owner.getByTestId("accepted-risk").filter({ hasText: reason.slice(3, -1) });
  await expect(ended).toHaveAttribute("data-state", "ended");
  await expect(ended.getByTestId("accepted-risk-state")).toHaveText(`It ended at its end date, ${until}. The check shows its own light again.`);
});
