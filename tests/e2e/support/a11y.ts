// Shared accessibility checks for e2e specs: axe-core with the WCAG tags the dashboard issue names, and the
// 390 px "no sideways scroll" rule.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** Runs axe-core on the page as it is now and fails with each violation's rule, target and help text. */
export async function expectNoAxeViolations(page: Page, label = page.url()): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const found = results.violations.map(
    (v) => `${v.id} (${v.impact ?? "?"}): ${v.help}\n    ${v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")} ${n.failureSummary?.split("\n").slice(1).join(" ") ?? ""}`).join("\n    ")}`,
  );
  expect(found, `axe-core violations on ${label}`).toEqual([]);
}

/** The page's content is no wider than its viewport (nothing scrolls sideways). */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  // Charts follow a new viewport through a ResizeObserver, a frame or two after it changes: wait for the page to settle
  // (a page that stays wider than the viewport still fails, naming both widths).
  let last = { scroll: 0, client: 0 };
  await expect
    .poll(
      async () => {
        last = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
        return last.scroll <= last.client;
      },
      { message: "the page scrolls sideways", timeout: 5_000 },
    )
    .toBe(true)
    .catch(() => {
      throw new Error(`page is ${last.scroll} px wide in a ${last.client} px viewport`);
    });
}
