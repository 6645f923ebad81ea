/**
 * The bridge between the pure encoding/decoding code and an onnxruntime-web module. It imports only
 * types from onnxruntime-web: the session helpers pass in the module they loaded (the Node build,
 * the WASM-only build or the JSEP/WebGPU build).
 */
import type * as Ort from "onnxruntime-web";
import type { InferenceSession, Tensor } from "onnxruntime-web";
import type { RawOutputs } from "./decode-outputs";
import type { EncodedTensor } from "./encode-batch";
import { loadError } from "./runtime-errors";
import type { TensorRunner } from "./score-loop";

export type OrtModule = typeof Ort;

function toOrtTensor(ort: OrtModule, tensor: EncodedTensor): Tensor {
  const { data, dims } = tensor;
  if (Array.isArray(data)) return new ort.Tensor("string", data, dims);
  if (data instanceof Uint8Array) return tensor.type === "bool" ? new ort.Tensor("bool", data, dims) : new ort.Tensor("uint8", data, dims);
  if (data instanceof Float32Array) return new ort.Tensor("float32", data, dims);
  if (data instanceof Float64Array) return new ort.Tensor("float64", data, dims);
  if (data instanceof BigInt64Array) return new ort.Tensor("int64", data, dims);
  if (data instanceof BigUint64Array) return new ort.Tensor("uint64", data, dims);
  if (data instanceof Int32Array) return new ort.Tensor("int32", data, dims);
  if (data instanceof Uint32Array) return new ort.Tensor("uint32", data, dims);
  if (data instanceof Int16Array) return new ort.Tensor("int16", data, dims);
  if (data instanceof Uint16Array) return new ort.Tensor("uint16", data, dims);
  return new ort.Tensor("int8", data, dims);
}

/** Creates a session from prepared bytes and wraps it as a TensorRunner. Load failures become OnnxModelError. */
export async function createOrtRunner(ort: OrtModule, bytes: Uint8Array, options: InferenceSession.SessionOptions): Promise<TensorRunner> {
  let session: InferenceSession;
  try {
    session = await ort.InferenceSession.create(bytes, options);
  } catch (error) {
    throw loadError(error);
  }
  return {
    async run(feeds, fetches): Promise<RawOutputs> {
      const ortFeeds: Record<string, Tensor> = {};
      for (const [name, tensor] of Object.entries(feeds)) ortFeeds[name] = toOrtTensor(ort, tensor);
      const results = await session.run(ortFeeds, [...fetches]);
      const outputs: Record<string, { data: unknown; dims: readonly number[] }> = {};
      for (const name of fetches) {
        const t = results[name];
        if (t) outputs[name] = { data: t.data, dims: t.dims };
      }
      for (const t of Object.values(results)) t.dispose();
      return outputs;
    },
    async release() {
      await session.release();
    },
  };
}
