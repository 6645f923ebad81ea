import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { IngestError, type IngestErrorCode } from "../../../lib/ingest";

export const BAD_DIR = join(__dirname, "../../fixtures/bad");
export const GOOD_DIR = join(__dirname, "../../fixtures/ingest");

/** Bytes of a fixture in tests/fixtures/bad. */
export function badFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(BAD_DIR, name)));
}

/** Bytes of a fixture in tests/fixtures/ingest. */
export function goodFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(GOOD_DIR, name)));
}

/** A web stream of `bytes` cut into chunks of `size` bytes. */
export function streamOf(bytes: Uint8Array, size: number): ReadableStream<Uint8Array> {
  let off = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (off >= bytes.length) {
        controller.close();
        return;
      }
      controller.enqueue(bytes.slice(off, off + size));
      off += size;
    },
  });
}

export interface ExpectedError {
  code: IngestErrorCode;
  file?: string;
  row?: number;
  column?: string;
  /** Words the problem must contain. */
  problem?: (string | RegExp)[];
}

/** The error thrown (sync or async), checked to be an IngestError with a well-formed message. */
export async function expectIngestError(run: () => unknown, expected: ExpectedError): Promise<IngestError> {
  let caught: unknown;
  try {
    await run();
  } catch (e) {
    caught = e;
  }
  expect(caught, "expected an IngestError").toBeInstanceOf(IngestError);
  const e = caught as IngestError;
  expect(e.code).toBe(expected.code);
  if (expected.file !== undefined) expect(e.file).toBe(expected.file);
  expect(e.row).toBe(expected.row);
  expect(e.column).toBe(expected.column);
  // The message names the file, the row and column where they apply, the problem and the fix.
  expect(e.message.startsWith(e.file)).toBe(true);
  if (e.row !== undefined) expect(e.message).toContain(`row ${e.row}`);
  if (e.column !== undefined) expect(e.message).toContain(`column "${e.column}"`);
  expect(e.problem.length).toBeGreaterThan(10);
  expect(e.fix.length).toBeGreaterThan(10);
  expect(e.message).toContain(e.problem);
  expect(e.message.endsWith(e.fix)).toBe(true);
  expect(e.status).toBeGreaterThanOrEqual(400);
  expect(e.status).toBeLessThan(500);
  for (const p of expected.problem ?? []) {
    if (typeof p === "string") expect(e.problem).toContain(p);
    else expect(e.problem).toMatch(p);
  }
  return e;
}
