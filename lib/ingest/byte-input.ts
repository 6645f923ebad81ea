/**
 * The inputs the ingest layer accepts, and their reading in bounded chunks. File and HTTP I/O
 * stay with the caller: hand in a web `ReadableStream` (a `Request` body, `Blob.stream()`), any
 * async iterable of bytes (a Node stream), the bytes themselves, or a string.
 */
import { fileTooLargeError, type IngestLimits } from "./limits";

/** Bytes or text to ingest. */
export type ByteInput = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | Uint8Array | ArrayBuffer | string;

/** Chunk size used to cut in-memory inputs so parsing stays incremental. */
export const CHUNK_BYTES = 1 << 20;

function isReadableStream(x: unknown): x is ReadableStream<Uint8Array> {
  return typeof x === "object" && x !== null && typeof (x as { getReader?: unknown }).getReader === "function";
}

/** The bytes of a binary input, in chunks of at most {@link CHUNK_BYTES} for in-memory inputs. */
export async function* byteChunks(input: Exclude<ByteInput, string>): AsyncGenerator<Uint8Array> {
  if (input instanceof Uint8Array || input instanceof ArrayBuffer) {
    const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
    for (let off = 0; off < bytes.length; off += CHUNK_BYTES) yield bytes.subarray(off, Math.min(bytes.length, off + CHUNK_BYTES));
    return;
  }
  if (isReadableStream(input)) {
    const reader = input.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        if (value !== undefined && value.length > 0) yield value;
      }
    } finally {
      reader.releaseLock();
    }
  }
  for await (const chunk of input as AsyncIterable<Uint8Array>) {
    if (chunk.length > 0) yield chunk;
  }
}

/**
 * All bytes of an input in one array (Parquet needs random access), refusing more than
 * `limits.maxBytes` as soon as it is exceeded. Strings are encoded as UTF-8.
 */
export async function readAllBytes(input: ByteInput, file: string, limits: Pick<IngestLimits, "maxBytes">): Promise<Uint8Array> {
  if (typeof input === "string") input = new TextEncoder().encode(input);
  if (input instanceof ArrayBuffer) input = new Uint8Array(input);
  if (input instanceof Uint8Array) {
    if (input.length > limits.maxBytes) throw fileTooLargeError(file, limits);
    return input;
  }
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of byteChunks(input)) {
    total += chunk.length;
    if (total > limits.maxBytes) throw fileTooLargeError(file, limits);
    parts.push(chunk);
  }
  if (parts.length === 1) return parts[0] as Uint8Array;
  const out = new Uint8Array(total);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}
