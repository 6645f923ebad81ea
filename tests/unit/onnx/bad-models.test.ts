// The bad-model corpus: each file is refused with an OnnxModelError that names the problem and the fix.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { prepareModel } from "../../../lib/onnx";
import { dryRun } from "../../../lib/onnx/session-node";
import { BAD_FIXTURES } from "../../fixtures/onnx/fixture-models";
import { BAD, expectOnnxError, readBytes } from "./helpers";

describe("bad ONNX corpus", () => {
  it("has a builder for every .onnx file in tests/fixtures/bad", () => {
    const files = readdirSync(BAD).filter((f) => f.endsWith(".onnx")).sort();
    expect(files).toEqual(BAD_FIXTURES.map((f) => f.file).sort());
  });

  it.each(BAD_FIXTURES.map((f) => [f.file, f] as const))("%s is refused with a clear message", async (file, fixture) => {
    const bytes = readBytes(join(BAD, file));
    expect(Buffer.from(bytes).equals(Buffer.from(fixture.bytes()))).toBe(true);
    const error =
      fixture.stage === "prepare"
        ? await expectOnnxError(() => prepareModel(bytes), fixture.code, ...fixture.mentions)
        : await expectOnnxError(() => dryRun(prepareModel(bytes)), fixture.code, ...fixture.mentions);
    // Every message says what to do, not only what went wrong.
    expect(error.message).toMatch(/export|upload|re-export|save|map|fix/i);
  });
});
