import fs from "node:fs";
import { expect, test, type APIResponse, type Page, type Response } from "@playwright/test";
import { signIn, signedInPage } from "./support/session";

const EVIL = "https://evil.example";

function expectedPolicy(nonce: string): string {
  return (
    `default-src 'self'; script-src 'self' 'nonce-${nonce}' 'strict-dynamic' 'wasm-unsafe-eval'; ` +
    "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; " +
    "worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
  );
}

/** The page's nonce, after checking the exact policy and that every script tag of the HTML carries that nonce. */
async function nonceOf(response: Response | APIResponse | null): Promise<string> {
  expect(response).not.toBeNull();
  const policy = response!.headers()["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1] ?? "";
  expect(nonce.length).toBeGreaterThanOrEqual(16);
  expect(policy).toBe(expectedPolicy(nonce));
  const html = await response!.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  return nonce;
}

/** Console errors the browser raises for a blocked script, style, worker or connection. */
function collectCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && m.text().includes("Content Security Policy")) violations.push(m.text());
  });
  return violations;
}

test("the login and invite pages carry a CSP whose nonce is new on every request and on every script", async ({ page, request }) => {
  const violations = collectCspViolations(page);
  const first = await nonceOf(await page.goto("/login"));
  const second = await nonceOf(await request.get("/login"));
  expect(second).not.toBe(first);
  // The browser sees the same nonce on the scripts it ran (it hides the attribute, not the property).
  const nonces = await page.evaluate(() => [...document.scripts].map((s) => s.nonce));
  expect(nonces.length).toBeGreaterThan(0);
  expect(new Set(nonces)).toEqual(new Set([first]));
  await nonceOf(await request.get("/invite/not-a-real-invitation"));
  // An anonymous visit that is sent to /login gets the policy on the login page too.
  await nonceOf(await page.goto("/settings/account"));
  await expect(page).toHaveURL(/\/login/);
  expect(violations).toEqual([]);
});

test("signed-in pages carry the nonce, their scripts run, the app is isolated and nothing violates the policy", async ({ page }) => {
  const violations = collectCspViolations(page);
  await signIn(page, "owner@example.com"); // the sign-in form is a client component: its scripts ran
  expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);

  const home = await nonceOf(await page.goto("/"));
  const again = await nonceOf(await page.reload());
  expect(again).not.toBe(home);
  await expect(page.getByTestId("user-role")).toHaveText("owner");

  // A client-side navigation (React fetches the next page itself) and a page with charts.
  await page.locator('li[data-model="Income screener"] a').first().click();
  await expect(page).toHaveURL(/\/models\/[^/]+$/);
  await expect(page.getByRole("heading", { name: "Income screener" }).first()).toBeVisible();

  // The app's own pages still call the API with the session cookie.
  const status = await page.evaluate(async () => (await fetch("/api/v1/models", { cache: "no-store" })).status);
  expect(status).toBe(200);

  // The 404 page is rendered per request too, so its scripts carry the nonce.
  const missing = await page.goto("/no-such-page");
  expect(missing?.status()).toBe(404);
  await nonceOf(missing);
  expect(violations).toEqual([]);
});

test("HSTS is sent when the request came over https, and not over plain http", async ({ request }) => {
  const plain = await request.get("/login");
  expect(plain.headers()["strict-transport-security"]).toBeUndefined();
  const secure = await request.get("/login", { headers: { "X-Forwarded-Proto": "https" } });
  expect(secure.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
});

test("the session cookie works on the API from the app's own origin and is refused from another", async ({ page, baseURL }) => {
  await signIn(page, "viewer@example.com");
  const api = page.request; // shares the signed-in page's cookies

  const own = await api.get("/api/v1/models", { headers: { Origin: baseURL!, "Sec-Fetch-Site": "same-origin" } });
  expect(own.status()).toBe(200);
  const curl = await api.get("/api/v1/models"); // neither header: not a browser, allowed
  expect(curl.status()).toBe(200);

  const refusals = [
    api.get("/api/v1/models", { headers: { Origin: EVIL } }),
    api.get("/api/v1/models", { headers: { "Sec-Fetch-Site": "cross-site" } }),
    api.get("/api/v1/models", { headers: { "Sec-Fetch-Site": "same-site" } }),
    api.get("/api/v1/models", { headers: { Origin: "null" } }),
    api.post("/api/v1/jobs/anything/cancel", { headers: { Origin: EVIL, "Sec-Fetch-Site": "cross-site" } }),
  ];
  for (const response of await Promise.all(refusals)) {
    expect(response.status()).toBe(403);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("cross_origin");
    expect(body.error.message).toContain("Cross-site requests must use an API token");
  }
  // The API keeps its static policy (no nonce there).
  expect(own.headers()["content-security-policy"]).toBe("frame-ancestors 'none'; object-src 'none'; base-uri 'self'");
});

test("an API token works from any origin", async ({ browser, request }) => {
  const owner = await signedInPage(browser, "owner@example.com");
  await owner.goto("/settings/tokens");
  await owner.getByLabel("What will use this token?").fill(`cross-origin pipeline ${Date.now()}`);
  await owner.getByRole("button", { name: "Create token" }).click();
  const token = await owner.getByTestId("new-token").inputValue();
  expect(token).toMatch(/^sl_/);

  const response = await request.get("/api/v1/models", {
    headers: { Authorization: `Bearer ${token}`, Origin: EVIL, "Sec-Fetch-Site": "cross-site" },
  });
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { models: { name: string }[] };
  expect(body.models.map((m) => m.name)).toContain("Income screener");
});

test("a server action posted from another origin gets 403, not a server error", async ({ request }) => {
  for (const path of ["/login", "/"]) {
    const response = await request.post(path, {
      headers: { "Next-Action": "x", Origin: EVIL, "Content-Type": "text/plain;charset=UTF-8" },
      data: "[]",
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
  }
});

test("/api/health answers without sign-in with the database and queue state", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toContain("no-store");
  const body = (await response.json()) as { status: string; database: string; queue: { queued: number; running: number }; version: string };
  const { version } = JSON.parse(fs.readFileSync("package.json", "utf8")) as { version: string };
  expect(body).toEqual({ status: "ok", database: "reachable", queue: { queued: expect.any(Number), running: expect.any(Number) }, version });
  expect(body.queue.queued).toBeGreaterThanOrEqual(0);
  expect(body.queue.running).toBeGreaterThanOrEqual(0);
});
