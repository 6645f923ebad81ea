import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { OnnxModelError, type OnnxModelErrorCode } from "../../../lib/onnx";

export const ROOT = join(__dirname, "../../..");
export const FIXTURES = join(ROOT, "tests/fixtures/onnx");
export const BAD = join(ROOT, "tests/fixtures/bad");
export const DEMO = join(ROOT, "prisma/demo");

export function readBytes(path: string): Uint8Array {
  const buffer = readFileSync(path);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** Runs `work` and returns the OnnxModelError it throws (failing the test if it throws anything else). */
export async function onnxError(work: () => unknown): Promise<OnnxModelError> {
  try {
    await work();
  } catch (error) {
    expect(error).toBeInstanceOf(OnnxModelError);
    return error as OnnxModelError;
  }
  throw new Error("expected an OnnxModelError, nothing was thrown");
}

export async function expectOnnxError(work: () => unknown, code: OnnxModelErrorCode, ...mentions: string[]): Promise<OnnxModelError> {
  const error = await onnxError(work);
  expect(error.code, error.message).toBe(code);
  for (const m of mentions) expect(error.message).toContain(m);
  return error;
}

/**
 * Reads a demo CSV into columns the way the ingest layer hands them over: numbers as Float64Array
 * (empty = NaN), text as dictionary-encoded categories (empty = code -1).
 */
export function readDemoCsv(path: string, numeric: readonly string[]) {
  const lines = readFileSync(path, "utf8").trimEnd().split("\n");
  const header = (lines[0] ?? "").split(",");
  const rows = lines.slice(1).map((l) => l.split(","));
  const columns = new Map<string, Float64Array | { codes: Int32Array; dictionary: string[] }>();
  header.forEach((name, j) => {
    if (numeric.includes(name)) {
      columns.set(name, Float64Array.from(rows, (r) => (r[j] === "" ? Number.NaN : Number(r[j]))));
    } else {
      const dictionary: string[] = [];
      const index = new Map<string, number>();
      const codes = Int32Array.from(rows, (r) => {
        const v = r[j] ?? "";
        if (v === "") return -1;
        let code = index.get(v);
        if (code === undefined) {
          code = dictionary.length;
          dictionary.push(v);
          index.set(v, code);
        }
        return code;
      });
      columns.set(name, { codes, dictionary });
    }
  });
  return { columns, rows: rows.length, text: (name: string, i: number) => rows[i]?.[header.indexOf(name)] ?? "" };
}
