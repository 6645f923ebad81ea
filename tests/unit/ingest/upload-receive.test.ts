// The receiving step of an upload route (lib/api/upload.ts): file names and size limits, with nothing left staged.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpError } from "../../../lib/api/route";
import { stageRequestBody, uploadFileName } from "../../../lib/api/upload";
import { stagingDir } from "../../../lib/storage/artifacts";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "sightline-receive-"));
const saved = { dir: process.env.SIGHTLINE_ARTIFACT_DIR, model: process.env.SIGHTLINE_MAX_MODEL_MB };
beforeAll(() => {
  process.env.SIGHTLINE_ARTIFACT_DIR = root;
  process.env.SIGHTLINE_MAX_MODEL_MB = "1";
});
afterAll(() => {
  for (const [key, value] of [["SIGHTLINE_ARTIFACT_DIR", saved.dir], ["SIGHTLINE_MAX_MODEL_MB", saved.model]] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  fs.rmSync(root, { recursive: true, force: true });
});

function streamOf(bytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const chunk = new Uint8Array(Math.min(64 * 1024, bytes - sent));
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
}

async function httpError(work: () => unknown): Promise<HttpError> {
  try {
    await work();
  } catch (e) {
    expect(e).toBeInstanceOf(HttpError);
    return e as HttpError;
  }
  throw new Error("expected an HttpError");
}

describe("upload file names", () => {
  it.each(["a%00b.csv", "a%0Ab.csv", "a%1Bb.csv", "x%7F.csv"])("%s is refused with 400", async (name) => {
    const e = await httpError(() => uploadFileName(new Request(`http://x/upload?file=${name}`), "data.csv"));
    expect(e.status).toBe(400);
    expect(e.message).toContain("not allowed");
  });

  it("keeps plain names and drops folders", () => {
    expect(uploadFileName(new Request("http://x/upload?file=..%2F..%2Fetc%2Fweek%2019.csv"), "data.csv")).toBe("week 19.csv");
    expect(uploadFileName(new Request("http://x/upload"), "data.csv")).toBe("data.csv");
  });
});

describe("model size limit", () => {
  it("a model over SIGHTLINE_MAX_MODEL_MB is refused with 413 while streaming, and nothing stays staged", async () => {
    const request = new Request("http://x/upload", { method: "POST", body: streamOf(3 * 1024 * 1024), duplex: "half" } as RequestInit);
    const e = await httpError(() => stageRequestBody(request, "big.onnx", "model"));
    expect(e.status).toBe(413);
    expect(e.message).toContain("SIGHTLINE_MAX_MODEL_MB");
    expect(e.message).toContain("big.onnx");
    expect(fs.existsSync(stagingDir()) ? fs.readdirSync(stagingDir()) : []).toEqual([]);
  });

  it("a declared Content-Length over the limit is refused before reading", async () => {
    const request = new Request("http://x/upload", { method: "POST", body: "abc", headers: { "content-length": String(5 * 1024 * 1024) } });
    const e = await httpError(() => stageRequestBody(request, "big.onnx", "model"));
    expect(e.status).toBe(413);
  });

  it("a data file under the data limit is staged", async () => {
    const staged = await stageRequestBody(new Request("http://x/upload", { method: "POST", body: "a,b\n1,2\n" }), "ok.csv");
    expect(staged.size).toBe(8);
    fs.rmSync(staged.tempPath);
  });
});
