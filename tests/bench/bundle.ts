/**
 * `npm run bench:bundle [-- --url http://127.0.0.1:3000] [-- --port 3320] [-- --json FILE]`
 *
 * Per route, the JavaScript a fresh browser downloads: Chromium (Playwright) with the cache off, signed in as the
 * demo owner, against `next start` on the demo data (started here from the last build, unless --url names a running
 * server). Every script response of the page load, including chunks loaded after it until the network is idle, is
 * counted once: its size as sent and gzipped (zlib level 6, what `next start` sends). Goals (dashboard issue): at most
 * 180 KB gzipped on a route without charts, at most 300 KB on a route that draws charts (a Recharts surface on the
 * page). `/models/[id]/what-if` is printed for information, its .wasm files apart. A route that answers 404 is
 * "not built yet", not a failure. Exit code 1 when a built route misses its goal.
 */
import fs from "node:fs";
import { gzipSync } from "node:zlib";
import type { BrowserContext } from "@playwright/test";
import { MODEL_SUBPAGES, argValue, launchChromium, modelId, cookieHeader, signedInContext, startDemoServer } from "./next-server";

const KB = 1024;
const GOAL_PLAIN = 180 * KB;
const GOAL_CHARTS = 300 * KB;

interface RouteResult {
  route: string;
  status: "measured" | "not built yet";
  scripts: number;
  rawBytes: number;
  gzipBytes: number;
  wasmBytes: number;
  charts: boolean;
  goalBytes: number | null;
  met: boolean | null;
}

async function measure(context: BrowserContext, path: string, label: string, informational: boolean): Promise<RouteResult> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const scripts = new Map<string, Buffer>();
  let wasmBytes = 0;
  const pending: Promise<void>[] = [];
  page.on("response", (response) => {
    const url = response.url();
    const type = response.request().resourceType();
    if (type === "script") {
      pending.push(
        response.body().then(
          (b) => void scripts.set(url, b),
          () => undefined,
        ),
      );
    } else if (url.endsWith(".wasm")) {
      pending.push(
        response.body().then(
          (b) => void (wasmBytes += b.length),
          () => undefined,
        ),
      );
    }
  });
  const response = await page.goto(path, { waitUntil: "networkidle" });
  await Promise.all(pending);
  const status = response?.status() ?? 0;
  const charts = (await page.locator(".recharts-surface").count()) > 0;
  await page.close();
  if (status === 404) return { route: label, status: "not built yet", scripts: 0, rawBytes: 0, gzipBytes: 0, wasmBytes: 0, charts: false, goalBytes: null, met: null };
  if (status !== 200) throw new Error(`${path} answered ${status}.`);
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const body of scripts.values()) {
    rawBytes += body.length;
    gzipBytes += gzipSync(body, { level: 6 }).length;
  }
  const goalBytes = informational ? null : charts ? GOAL_CHARTS : GOAL_PLAIN;
  return { route: label, status: "measured", scripts: scripts.size, rawBytes, gzipBytes, wasmBytes, charts, goalBytes, met: goalBytes === null ? null : gzipBytes <= goalBytes };
}

const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const server = await startDemoServer({ url: argValue(argv, "--url"), port: Number(argValue(argv, "--port") ?? 3320), quiet: true });
  const browser = await launchChromium();
  const results: RouteResult[] = [];
  try {
    const context = await signedInContext(browser, server.url, "owner@example.com");
    const id = await modelId(server.url, await cookieHeader(context), "Income screener");
    const routes: { path: string; label: string; info: boolean }[] = [
      { path: "/", label: "/", info: false },
      { path: "/help", label: "/help", info: false },
      { path: "/audit", label: "/audit", info: false },
      { path: "/settings/members", label: "/settings/members", info: false },
      { path: "/models/new", label: "/models/new", info: false },
      ...MODEL_SUBPAGES.map((sub) => ({ path: `/models/${id}${sub}`, label: `/models/[id]${sub}`, info: false })),
      { path: `/models/${id}/what-if`, label: "/models/[id]/what-if", info: true },
    ];
    for (const r of routes) results.push(await measure(context, r.path, r.label, r.info));
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }

  console.log("\nJavaScript a fresh browser downloads (cache off), gzipped (level 6):\n");
  console.log("| route | scripts | as sent | gzipped | charts | goal | result |");
  console.log("|---|---|---|---|---|---|---|");
  for (const r of results) {
    if (r.status === "not built yet") {
      console.log(`| ${r.route} | | | | | | not built yet |`);
      continue;
    }
    const goal = r.goalBytes === null ? "for information" : `≤ ${kb(r.goalBytes)}`;
    const result = r.met === null ? (r.wasmBytes ? `.wasm apart: ${kb(r.wasmBytes)}` : "") : r.met ? "met" : "MISSED";
    console.log(`| ${r.route} | ${r.scripts} | ${kb(r.rawBytes)} | ${kb(r.gzipBytes)} | ${r.charts ? "yes" : "no"} | ${goal} | ${result} |`);
  }
  const json = argValue(argv, "--json");
  if (json) fs.writeFileSync(json, JSON.stringify({ date: new Date().toISOString(), results }, null, 2));
  if (results.some((r) => r.met === false)) process.exitCode = 1;
}

await main();
