// The hostile-file corpus over real HTTP (tests/fixtures/bad/hostile): every file gets a 4xx naming it, never a 5xx,
// nothing is stored, and the server keeps answering other requests within a second while it deals with the file.
// Also: nothing is read from an upload before the caller is known and allowed.
import fs from "node:fs";
import path from "node:path";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { HOSTILE } from "../fixtures/bad/hostile/make-hostile";
import { signedInPage } from "./support/session";

const DIR = path.join(process.cwd(), "tests/fixtures/bad/hostile");

interface ModelSummary {
  id: string;
  name: string;
  versionCount: number;
  windowCount: number;
}

async function incomeScreener(request: APIRequestContext): Promise<ModelSummary> {
  const response = await request.get("/api/v1/models");
  expect(response.status()).toBe(200);
  return ((await response.json()) as { models: ModelSummary[] }).models.find((m) => m.name === "Income screener")!;
}

test("every hostile file gets a 4xx naming it, nothing is stored, and the server stays responsive", async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const page = await signedInPage(browser, "owner@example.com");
  const before = await incomeScreener(page.request);
  const probe = await playwrightRequest.newContext({ baseURL: baseURL! });
  await probe.get("/api/v1/openapi.json"); // warm

  for (const h of HOSTILE) {
    const url = h.target === "model" ? `/api/v1/models/${before.id}/versions?file=${encodeURIComponent(h.file)}` : `/api/v1/models/${before.id}/data?kind=production&file=${encodeURIComponent(h.file)}`;
    const upload = page.request.post(url, { data: fs.readFileSync(path.join(DIR, h.file)), headers: { "Content-Type": "application/octet-stream" } });
    // While the upload is processed, another request is answered within a second.
    const started = Date.now();
    const answer = await probe.get("/api/v1/openapi.json");
    const probeMs = Date.now() - started;
    const response = await upload;
    const body = (await response.json()) as { error?: { code: string; message: string } };
    expect(response.status(), `${h.file}: ${body.error?.message}`).toBeGreaterThanOrEqual(400);
    expect(response.status(), `${h.file}: ${body.error?.message}`).toBeLessThan(500);
    if (h.byName) expect(response.status(), h.file).toBe(415);
    expect(body.error?.message, h.file).toContain(h.file);
    expect(body.error!.message.length, h.file).toBeGreaterThan(h.file.length + 30);
    expect(answer.status(), `probe during ${h.file}`).toBe(200);
    expect(probeMs, `the server took ${probeMs} ms to answer while processing ${h.file}`).toBeLessThan(1_000);
  }

  const after = await incomeScreener(page.request);
  expect(after.windowCount).toBe(before.windowCount);
  expect(after.versionCount).toBe(before.versionCount);
  await probe.dispose();
});

test("an upload is refused before its body is read: anonymous 401, unknown model 404, bad name 400", async ({ browser, baseURL }) => {
  const anonymous = await playwrightRequest.newContext({ baseURL: baseURL! });
  const page = await signedInPage(browser, "analyst@example.com");
  const model = await incomeScreener(page.request);
  const big = Buffer.alloc(8 * 1024 * 1024, 0x61);

  const anon = await anonymous.post(`/api/v1/models/${model.id}/data?kind=production&file=big.csv`, { data: big, headers: { "Content-Type": "application/octet-stream" } });
  expect(anon.status()).toBe(401);
  const anonModel = await anonymous.post(`/api/v1/models/${model.id}/versions?file=m.onnx`, { data: big, headers: { "Content-Type": "application/octet-stream" } });
  expect(anonModel.status()).toBe(401);

  const unknown = await page.request.post(`/api/v1/models/no-such-model/data?kind=production&file=a.csv`, { data: "a,b\n1,2\n", headers: { "Content-Type": "application/octet-stream" } });
  expect(unknown.status()).toBe(404);

  const viewer = await signedInPage(browser, "viewer@example.com").catch(() => null);
  if (viewer) {
    const forbidden = await viewer.request.post(`/api/v1/models/${model.id}/versions?file=m.onnx`, { data: big, headers: { "Content-Type": "application/octet-stream" } });
    expect(forbidden.status()).toBe(403);
  }

  const nul = await page.request.post(`/api/v1/models/${model.id}/data?kind=production&file=a%00b.csv`, { data: "a,b\n1,2\n", headers: { "Content-Type": "application/octet-stream" } });
  expect(nul.status()).toBe(400);
  expect(((await nul.json()) as { error: { message: string } }).error.message).toContain("not allowed");

  const after = await incomeScreener(page.request);
  expect(after.windowCount).toBe(model.windowCount);
  await anonymous.dispose();
});
