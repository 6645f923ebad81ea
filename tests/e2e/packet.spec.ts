// The printable sign-off packet of the demo's live version: the same evidence hash as the API, the checklists in
// full, the log's hashes as /audit shows them, and a print that leaves the app's menus out.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./support/a11y";
import { signedInPage } from "./support/session";

async function incomeId(api: APIRequestContext): Promise<string> {
  const body = (await (await api.get("/api/v1/models")).json()) as { models: { id: string; name: string }[] };
  return body.models.find((m) => m.name === "Income screener")!.id;
}

test("the packet of the live demo version shows the API's evidence hash, every checklist, and the log's hashes", async ({ browser }) => {
  const owner = await signedInPage(browser, "owner@example.com");
  const id = await incomeId(owner.request);
  const api = (await (await owner.request.get(`/api/v1/models/${id}/versions/1`)).json()) as { evidenceHash: string; reviews: { evidenceHash: string }[] };

  await owner.goto(`/models/${id}/versions/1`);
  await owner.getByTestId("packet-link").click();
  await expect(owner).toHaveURL(new RegExp(`/models/${id}/versions/1/packet$`));
  await expect(owner).toHaveTitle(/Version 1 sign-off packet/);
  await expect(owner.getByTestId("packet-evidence-hash")).toHaveText(api.evidenceHash);
  await expect(owner.getByTestId("packet-evidence").first()).toBeVisible();
  // Every review with its checklist open, bound to the evidence it was made on.
  const reviews = owner.getByTestId("review");
  await expect(reviews).toHaveCount(api.reviews.length);
  await expect(reviews.first().getByText("Is what the model decides, and for whom, written down?")).toBeVisible();
  await expect(reviews.first()).toContainText(api.reviews[0]!.evidenceHash);

  // The log's last entry when the packet was made, as /audit shows it.
  const head = owner.getByTestId("packet-chain-head");
  const headHash = (await head.textContent())!.trim();
  const headSeq = (await head.getAttribute("data-seq"))!;
  await expect(owner.getByTestId("packet-audit")).toContainText(/entr(y|ies)/);
  const audit = await owner.context().newPage();
  await audit.goto(`/audit?before=${Number(headSeq) + 1}`);
  const first = audit.getByTestId("audit-row").first();
  await expect(first.locator("td").first()).toHaveText(headSeq);
  await expect(first.locator("td[title]")).toHaveAttribute("title", headHash);
  await audit.close();

  // Printed: the packet without the app's header, navigation and the print hint.
  await owner.emulateMedia({ media: "print" });
  await expect(owner.getByTestId("packet")).toBeVisible();
  await expect(owner.getByTestId("model-header")).toBeHidden();
  await expect(owner.getByText("Print or save this page")).toBeHidden();
  await expect(owner.locator("body > header, header").first()).toBeHidden();
  await owner.emulateMedia({ media: "screen" });

  await expectNoAxeViolations(owner, "packet 1280");
  await owner.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalScroll(owner);
  await expectNoAxeViolations(owner, "packet 390");
});

test("a viewer may read and print the packet too; Letter paper is a link away", async ({ browser }) => {
  const viewer = await signedInPage(browser, "viewer@example.com");
  const id = await incomeId(viewer.request);
  await viewer.goto(`/models/${id}/versions/1/packet`);
  await expect(viewer.getByTestId("packet")).toHaveAttribute("data-packet", "a4");
  await viewer.getByRole("link", { name: "Letter" }).click();
  await expect(viewer.getByTestId("packet")).toHaveAttribute("data-packet", "letter");
  await expect(viewer.getByTestId("packet-evidence-hash")).toHaveText(/^[0-9a-f]{64}$/);
});
