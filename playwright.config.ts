import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://127.0.0.1:${port}`;

// Debian's Chromium (apt-get install -y chromium); Playwright's own browser download is not reachable here.
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const WEBGPU_SPEC = /what-if-webgpu\.spec\.ts$/;
const webGpuAdapter = process.env.E2E_WEBGPU_ADAPTER ?? "swiftshader";
const webGpuArgs = [
  ...chromiumArgs.filter((arg) => arg !== "--disable-gpu"),
  "--enable-unsafe-webgpu",
  ...(webGpuAdapter === "default" ? [] : [`--use-webgpu-adapter=${webGpuAdapter}`]),
];

// A failed test keeps its trace (DOM snapshots of every step) without the screencast: recording frames for every
// test cost about a third of the browser's CPU. E2E_TRACE=full records the screencast too; E2E_TRACE=off nothing.
const traceMode = process.env.E2E_TRACE ?? "lite";
const TRACE = traceMode === "off" ? ("off" as const) : { mode: "retain-on-failure" as const, screenshots: traceMode === "full", snapshots: true, sources: traceMode === "full" };

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  fullyParallel: true,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    trace: TRACE,
    screenshot: "only-on-failure",
    launchOptions: { executablePath, args: chromiumArgs },
  },
  projects: [
    { name: "chromium", testIgnore: WEBGPU_SPEC, use: { ...devices["Desktop Chrome"], launchOptions: { executablePath, args: chromiumArgs } } },
    // WebGPU parity: the GPU left on, WebGPU enabled, and (unless E2E_WEBGPU_ADAPTER=default, for a machine with a
    // real GPU) SwiftShader's software adapter, which Debian's Chromium carries, so it runs on machines without one.
    { name: "webgpu", testMatch: WEBGPU_SPEC, use: { ...devices["Desktop Chrome"], launchOptions: { executablePath, args: webGpuArgs } } },
  ],
  webServer: {
    // Migrates and seeds a fresh PGlite directory in a temp folder, then runs `next start` on the last build.
    command: `node node_modules/tsx/dist/cli.mjs --conditions=react-server tests/e2e/support/server.ts`,
    url: `${baseURL}/login`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: { E2E_PORT: String(port) },
  },
});
