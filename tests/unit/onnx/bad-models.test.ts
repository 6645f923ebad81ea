// The bad-model corpus: each file is refused with an OnnxModelError that names the problem and the fix.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_MODEL_LIMITS, modelLimitsFromEnv, prepareModel } from "../../../lib/onnx";
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

describe("model limits (uploads)", () => {
  const good = () => readBytes(join(BAD, "..", "onnx", "linear-zipmap-strings.onnx"));

  it("accepts a good model under the default limits", () => {
    expect(() => prepareModel(good(), undefined, { limits: DEFAULT_MODEL_LIMITS })).not.toThrow();
  });

  it("refuses a file over the size limit before decoding it, naming SIGHTLINE_MAX_MODEL_MB", async () => {
    await expectOnnxError(() => prepareModel(good(), undefined, { limits: { ...DEFAULT_MODEL_LIMITS, maxModelBytes: 100 } }), "MODEL_TOO_LARGE", "SIGHTLINE_MAX_MODEL_MB");
  });

  it("refuses graphs over the node limit (weights over their limit: tests/fixtures/bad/hostile)", async () => {
    await expectOnnxError(() => prepareModel(good(), undefined, { limits: { ...DEFAULT_MODEL_LIMITS, maxNodes: 1 } }), "MODEL_TOO_LARGE", "SIGHTLINE_MAX_MODEL_NODES");
  });

  it("reads the limits from the environment", () => {
    expect(modelLimitsFromEnv({})).toEqual(DEFAULT_MODEL_LIMITS);
    const limits = modelLimitsFromEnv({ SIGHTLINE_MAX_MODEL_MB: "5", SIGHTLINE_MAX_INITIALIZER_MB: "2.5", SIGHTLINE_MAX_MODEL_NODES: "20" });
    expect(limits.maxModelBytes).toBe(5 * 1024 * 1024);
    expect(limits.maxInitializerBytes).toBe(Math.round(2.5 * 1024 * 1024));
    expect(limits.maxNodes).toBe(20);
    expect(() => modelLimitsFromEnv({ SIGHTLINE_MAX_MODEL_MB: "lots" })).toThrow(/SIGHTLINE_MAX_MODEL_MB/);
  });

  it("stored versions are not re-checked (no limits without `check`)", () => {
    expect(() => prepareModel(good())).not.toThrow();
  });
});
