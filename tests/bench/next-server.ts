// For bench:bundle and bench:pages: `next start` on the last production build with the demo data (the e2e server:
// a fresh PGlite database in a temp folder, migrated and seeded through the upload pipeline), or a server the caller
// already runs (`--url`). Also signs in through the real login form and finds the demo model's id.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { chromium, type Browser, type BrowserContext } from "@playwright/test";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export interface RunningServer {
  url: string;
  stop: () => Promise<void>;
}

async function waitFor(url: string, child: ChildProcess | null, seconds: number): Promise<void> {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (child && child.exitCode !== null) throw new Error(`The server stopped while starting (exit ${child.exitCode}). Its output is above.`);
    try {
      const r = await fetch(url, { redirect: "manual" });
      if (r.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within ${seconds} s.`);
}

/** Starts the demo server on `port` (seeding takes a minute or two), or uses `url` when given. */
export async function startDemoServer(options: { url?: string; port: number; quiet?: boolean }): Promise<RunningServer> {
  if (options.url) {
    await waitFor(`${options.url}/login`, null, 30);
    return { url: options.url, stop: async () => {} };
  }
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npx next build` first.");
  const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "tests/e2e/support/server.ts"], {
    env: { ...process.env, E2E_PORT: String(options.port) },
    stdio: options.quiet ? ["ignore", "ignore", "inherit"] : "inherit",
  });
  const url = `http://127.0.0.1:${options.port}`;
  await waitFor(`${url}/login`, child, 600);
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** A browser context signed in through the login form. */
export async function signedInContext(browser: Browser, baseURL: string, email: string, password = "sightline-demo"): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByTestId("user-role").waitFor();
  await page.close();
  return context;
}

/** The Cookie header of a signed-in context. */
export async function cookieHeader(context: BrowserContext): Promise<string> {
  return (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
}

/** The id of the demo model named `name`, read through the API with the session cookie. */
export async function modelId(baseURL: string, cookie: string, name: string): Promise<string> {
  const r = await fetch(`${baseURL}/api/v1/models`, { headers: { cookie } });
  if (!r.ok) throw new Error(`GET /api/v1/models answered ${r.status}.`);
  const body = (await r.json()) as { models: { id: string; name: string }[] };
  const found = body.models.find((m) => m.name === name);
  if (!found) throw new Error(`No model named "${name}" in the demo workspace.`);
  return found.id;
}

/** The model pages the dashboard issue names, in order; what-if last. */
export const MODEL_SUBPAGES = ["", "/performance", "/drift", "/fairness", "/data-quality", "/versions", "/policy"] as const;

export function argValue(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}
