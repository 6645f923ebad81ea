// Refusals that must come before any heavy work: formats we do not read (by name and by their first bytes), a
// 1 MB line, and the sweep of abandoned staged uploads.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IngestError, ingestFile, refuseUnreadableBytes, refuseUnreadableName } from "../../../lib/ingest";
import { stageUpload, stagingDir, sweepStaging } from "../../../lib/storage/artifacts";

function refusal(work: () => unknown): IngestError {
  try {
    work();
  } catch (e) {
    expect(e).toBeInstanceOf(IngestError);
    return e as IngestError;
  }
  throw new Error("expected a refusal");
}

describe("formats we do not read", () => {
  it.each(["book.xlsx", "book.XLSM", "old.xls", "sheet.ods", "a.numbers", "data.zip", "data.csv.gz", "a.7z", "a.tar", "report.pdf"])("%s is refused by name with 415", (file) => {
    const e = refusal(() => refuseUnreadableName(file));
    expect(e.code).toBe("unsupported_format");
    expect(e.status).toBe(415);
    expect(e.message).toContain(file);
    expect(e.fix).toContain("CSV");
  });

  it.each(["data.csv", "data.tsv", "data.parquet", "rows.json", "noextension"])("%s passes the name check", (file) => {
    expect(() => refuseUnreadableName(file)).not.toThrow();
  });

  it.each([
    ["zip / xlsx", [0x50, 0x4b, 0x03, 0x04, 0x14]],
    ["xls", [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
    ["gzip", [0x1f, 0x8b, 0x08]],
    ["pdf", [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]],
  ])("%s bytes are refused whatever the name", (_, head) => {
    const e = refusal(() => refuseUnreadableBytes(Uint8Array.from(head as number[]), "data.parquet"));
    expect(e.status).toBe(415);
  });

  it("an .xlsx upload is refused without reading its body", async () => {
    let read = false;
    async function* body(): AsyncGenerator<Uint8Array> {
      read = true;
      yield new Uint8Array(10);
    }
    await expect(ingestFile("book.xlsx", body())).rejects.toMatchObject({ code: "unsupported_format", status: 415 });
    expect(read).toBe(false);
  });

  it("a workbook renamed .parquet is named as a workbook, not as a damaged Parquet file", async () => {
    await expect(ingestFile("data.parquet", Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0))).rejects.toMatchObject({ code: "unsupported_format" });
  });
});

describe("a 1 MB single line", () => {
  it("is refused quickly with the cell limit", async () => {
    const started = performance.now();
    await expect(ingestFile("one-line.csv", `id,note\n1,${"x".repeat(1024 * 1024)}`)).rejects.toMatchObject({ code: "cell_too_long" });
    await expect(ingestFile("one-line-header.csv", "a".repeat(1024 * 1024))).rejects.toBeInstanceOf(IngestError);
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});

describe("sweeping staged uploads", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "sightline-sweep-"));
  const saved = process.env.SIGHTLINE_ARTIFACT_DIR;
  beforeAll(() => {
    process.env.SIGHTLINE_ARTIFACT_DIR = root;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.SIGHTLINE_ARTIFACT_DIR;
    else process.env.SIGHTLINE_ARTIFACT_DIR = saved;
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("removes old files nobody keeps, and keeps young ones and kept ones", async () => {
    const old = await stageUpload(new Uint8Array([1]), 10);
    const kept = await stageUpload(new Uint8Array([2]), 10);
    const young = await stageUpload(new Uint8Array([3]), 10);
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    for (const s of [old, kept]) fs.utimesSync(s.tempPath, twoHoursAgo, twoHoursAgo);
    expect(path.dirname(old.tempPath)).toBe(stagingDir());
    const removed = sweepStaging({ olderThanMs: 60 * 60 * 1000, keep: new Set([path.basename(kept.tempPath)]) });
    expect(removed).toBe(1);
    expect(fs.existsSync(old.tempPath)).toBe(false);
    expect(fs.existsSync(kept.tempPath)).toBe(true);
    expect(fs.existsSync(young.tempPath)).toBe(true);
  });

  it("does nothing when there is no staging folder", () => {
    fs.rmSync(stagingDir(), { recursive: true, force: true });
    expect(sweepStaging({ olderThanMs: 0, keep: new Set() })).toBe(0);
  });
});
