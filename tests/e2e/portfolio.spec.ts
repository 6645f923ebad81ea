// The portfolio (home page): a card per model, worst light first; the light by colour, shape and word; a sparkline
// of the main measure with a text for screen readers; the live version; what waits for the reader, in the words of
// their role; search and filter only with more than six models (kept in the address).
import { expect, test, type Page } from "@playwright/test";
import { signIn, signedInPage } from "./support/session";

const ORDER = { red: 0, amber: 1, gray: 2, green: 3 } as const;

async function lightsInOrder(page: Page): Promise<(keyof typeof ORDER)[]> {
  const list = page.getByTestId("portfolio");
  await expect(list).toBeVisible();
  return (await list.locator(":scope > li [data-light]").evaluateAll((els) => els.map((e) => e.getAttribute("data-light")))) as (keyof typeof ORDER)[];
}

async function addModel(page: Page, name: string): Promise<void> {
  await page.goto("/models/new");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("What does it decide?").fill("Guesses how many parcels a depot handles each day, for planning.");
  await page.getByText("Predicts a number").click();
  await page.getByRole("button", { name: "Add model" }).click();
  await expect(page).toHaveURL(/\/models\/(?!new)[^/]+$/);
}

test("the demo model's card: light by colour, icon and word, a sparkline with its text, the live version", async ({ page }) => {
  await signIn(page, "owner@example.com");
  const card = page.locator('li[data-model="Income screener"]');
  const light = card.locator("[data-light]");
  await expect(light).toHaveAttribute("data-light", /^(green|amber|red)$/);
  await expect(light).toHaveText(/^(Healthy|Check|Action needed)$/);
  await expect(light.locator("svg")).toHaveCount(1);
  // Six monthly windows: the sparkline draws each, and says what it shows in words.
  const spark = card.getByRole("img", { name: /^ROC AUC in 6 periods/ });
  await expect(spark).toBeVisible();
  await expect(spark).toHaveAttribute("data-points", "6");
  await expect(spark.locator("desc")).toContainText("ROC AUC (how often it ranks a real yes above a real no)");
  await expect(card.getByTestId("live-version")).toHaveText("Live: version 1");
  await expect(card.getByTestId("card-sentence")).not.toBeEmpty();
  // The metric name links to its meaning on the help page.
  await card.getByRole("link", { name: "ROC AUC" }).click();
  await expect(page).toHaveURL(/\/help#roc-auc$/);
  await expect(page.locator("#roc-auc")).toContainText(/how often it ranks a real yes above a real no/i);
});

test("the whole card opens the model, and the list is worst first", async ({ page }) => {
  await signIn(page, "owner@example.com");
  const lights = await lightsInOrder(page);
  expect(lights.length).toBeGreaterThan(0);
  const ranks = lights.map((l) => ORDER[l]);
  expect(ranks, lights.join(", ")).toEqual([...ranks].sort((a, b) => a - b));
  // A click anywhere on the card (here: on its "For you" line) opens the model.
  const line = page.locator('li[data-model="Income screener"] [data-testid="awaits-you"]');
  await line.scrollIntoViewIfNeeded(); // mouse coordinates are the viewport's
  const box = await line.boundingBox();
  expect(box).not.toBeNull();
  await page.mouse.click(box!.x + 8, box!.y + box!.height / 2);
  await expect(page).toHaveURL(/\/models\/[^/]+$/);
});

test("what awaits the reader follows their role: no upload prompt for a reviewer or a viewer", async ({ browser }) => {
  for (const email of ["viewer@example.com", "reviewer@example.com"]) {
    const page = await signedInPage(browser, email);
    const awaits = page.getByTestId("awaits-you");
    await expect(awaits.first()).toBeVisible();
    for (const text of await awaits.allTextContents()) expect(text, email).not.toMatch(/upload/i);
    await page.context().close();
  }
  const other = await signedInPage(browser, "owner@capitalbikes.example");
  // One model in this workspace: no search or filter.
  await expect(other.locator('li[data-model="Bike rental demand"]')).toBeVisible();
  await expect(other.getByTestId("portfolio-filter")).toHaveCount(0);
  await expect(other.getByRole("img", { name: /^mean absolute error in \d+ periods/ })).toBeVisible();
});

test("search and filter appear with more than six models, and live in the address", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "owner@example.com");
  const prefix = `Depot ${Date.now().toString(36)}`;
  // Other tests add models to this workspace too: add enough to pass six whatever they did, at least two of ours.
  const cards = await page.getByTestId("portfolio").locator(":scope > li").count();
  const ours: string[] = [];
  while (cards + ours.length < 7 || ours.length < 2) {
    const name = ours.length === 0 ? `${prefix} 1 Parcelvolumeforecasterforeverydepotinthenorth with a long name` : `${prefix} ${ours.length + 1}`;
    await addModel(page, name);
    ours.push(name);
  }
  await page.goto("/");
  const filter = page.getByTestId("portfolio-filter");
  await expect(filter).toBeVisible();
  // A new model has no data: a grey light, and the owner is told the next step.
  const first = page.locator(`li[data-model="${ours[0]}"]`);
  await expect(first.locator("[data-light]")).toHaveAttribute("data-light", "gray");
  await expect(first.getByTestId("awaits-you")).toContainText("Upload the model file (.onnx) to start.");

  await page.getByLabel("Search by name or purpose").fill(prefix.toLowerCase());
  await page.getByLabel("Show", { exact: true }).selectOption("gray");
  await page.getByRole("button", { name: "Show models" }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(prefix.toLowerCase()).replace(/%20/g, "\\+")}`));
  await expect(page).toHaveURL(/[?&]light=gray/);
  await expect(page.getByTestId("portfolio").locator(":scope > li")).toHaveCount(ours.length);
  await expect(page.getByTestId("portfolio-count")).toContainText(`You see ${ours.length} of`);

  // The same address in a fresh load shows the same list; a light with none of ours shows the empty message.
  await page.reload();
  await expect(page.getByTestId("portfolio").locator(":scope > li")).toHaveCount(ours.length);
  await page.goto(`/?q=${encodeURIComponent(prefix)}&light=red`);
  await expect(page.getByText("No model matches. Clear the search or pick another light.")).toBeVisible();

  // Long names wrap on a phone: nothing scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/?q=${encodeURIComponent(prefix)}`);
  await expect(page.locator(`li[data-model="${ours[0]}"]`)).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
