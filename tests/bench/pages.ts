/**
 * `npm run bench:pages [-- --url http://127.0.0.1:3000] [-- --port 3321] [-- --duration 20] [-- --json FILE]`
 *
 * Page speed under load: autocannon on loopback against `next start` with the demo data (started here from the last
 * build, unless --url names a running server), signed in as the demo owner (the session cookie of a real sign-in).
 * Per route (`/` and each model page that exists: `/models/[id]`, `/performance`, `/drift`, `/fairness`,
 * `/data-quality`, `/versions`, `/policy`), after a short warm-up: `--duration` seconds (20) at 10 connections, then
 * the same at 50. Latency percentiles are computed from every response's time (autocannon's own histogram has no
 * p95). Errors are connection errors, timeouts and answers other than 200 (a lost session would answer a redirect).
 * Goals (dashboard issue): at 10 connections p95 <= 150 ms, >= 150 requests/s, no errors; at 50 connections no
 * errors. A route that answers 404 is "not built yet", not a failure. Exit code 1 when a built route misses a goal.
 */
import fs from "node:fs";
import { cpus, loadavg } from "node:os";
import autocannon from "autocannon";
import { MODEL_SUBPAGES, argValue, cookieHeader, launchChromium, modelId, signedInContext, startDemoServer } from "./next-server";

const GOAL_P95_MS = 150;
const GOAL_RPS = 150;

interface Load {
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

interface RouteResult {
  route: string;
  status: "measured" | "not built yet";
  at10?: Load;
  at50?: Load;
  met?: boolean;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

async function load(url: string, cookie: string, connections: number, duration: number): Promise<Load> {
  const times: number[] = [];
  let bad = 0;
  let finish: (value: autocannon.Result) => void = () => undefined;
  let fail: (error: unknown) => void = () => undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const instance = autocannon({ url, connections, duration, headers: { cookie }, timeout: 30 }, (error: unknown, result: autocannon.Result) => (error ? fail(error) : finish(result)));
  instance.on("response", (_client, statusCode, _bytes, responseTime) => {
    times.push(responseTime);
    if (statusCode !== 200) bad += 1;
  });
  const result = await done;
  times.sort((a, b) => a - b);
  return {
    connections,
    requests: times.length,
    rps: times.length / duration,
    p50: Math.round(percentile(times, 50)),
    p95: Math.round(percentile(times, 95)),
    p99: Math.round(percentile(times, 99)),
    errors: bad + result.errors + result.timeouts,
  };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const duration = Number(argValue(argv, "--duration") ?? 20);
  const server = await startDemoServer({ url: argValue(argv, "--url"), port: Number(argValue(argv, "--port") ?? 3321), quiet: true });
  const results: RouteResult[] = [];
  try {
    const browser = await launchChromium();
    const context = await signedInContext(browser, server.url, "owner@example.com");
    const cookie = await cookieHeader(context);
    await browser.close();
    const id = await modelId(server.url, cookie, "Income screener");
    const routes = [{ path: "/", label: "/" }, ...MODEL_SUBPAGES.map((sub) => ({ path: `/models/${id}${sub}`, label: `/models/[id]${sub}` }))];
    for (const r of routes) {
      const url = `${server.url}${r.path}`;
      const probe = await fetch(url, { headers: { cookie }, redirect: "manual" });
      await probe.arrayBuffer();
      if (probe.status === 404) {
        results.push({ route: r.label, status: "not built yet" });
        console.log(`${r.label}: not built yet`);
        continue;
      }
      if (probe.status !== 200) throw new Error(`${r.path} answered ${probe.status} to the signed-in owner.`);
      await load(url, cookie, 10, 2); // warm-up: compiled code paths, caches of immutable snapshots
      const at10 = await load(url, cookie, 10, duration);
      const at50 = await load(url, cookie, 50, duration);
      const met = at10.p95 <= GOAL_P95_MS && at10.rps >= GOAL_RPS && at10.errors === 0 && at50.errors === 0;
      results.push({ route: r.label, status: "measured", at10, at50, met });
      console.log(`${r.label}: 10 conn p95 ${at10.p95} ms, ${at10.rps.toFixed(0)} req/s; 50 conn p95 ${at50.p95} ms, ${at50.rps.toFixed(0)} req/s, errors ${at10.errors}/${at50.errors}`);
    }
  } finally {
    await server.stop();
  }

  const cpu = cpus();
  const load1 = loadavg().map((l) => l.toFixed(1)).join(" / ");
  console.log(`\nautocannon, ${duration} s per route and load, loopback, signed in; ${cpu.length} × ${cpu[0]?.model ?? "CPU"}, Node ${process.version}; load average at the end ${load1} (1/5/15 min)\n`);
  console.log("| route | conn | p50 ms | p95 ms | p99 ms | req/s | errors | goal (10 conn: p95 ≤ 150 ms, ≥ 150 req/s; no errors) |");
  console.log("|---|---|---|---|---|---|---|---|");
  for (const r of results) {
    if (r.status === "not built yet") {
      console.log(`| ${r.route} | | | | | | | not built yet |`);
      continue;
    }
    for (const l of [r.at10!, r.at50!]) {
      const verdict = l.connections === 10 ? (r.met ? "met" : "MISSED") : "";
      console.log(`| ${r.route} | ${l.connections} | ${l.p50} | ${l.p95} | ${l.p99} | ${l.rps.toFixed(0)} | ${l.errors} | ${verdict} |`);
    }
  }
  const json = argValue(argv, "--json");
  if (json) fs.writeFileSync(json, JSON.stringify({ date: new Date().toISOString(), duration, results }, null, 2));
  if (results.some((r) => r.met === false)) process.exitCode = 1;
}

await main();
