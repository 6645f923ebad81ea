/**
 * The Parquet compression codecs Sightline reads, and the decompressors handed to hyparquet.
 *
 * Snappy and uncompressed pages are hyparquet's own. gzip, brotli, zstd, LZ4 (the Hadoop framing) and LZ4_RAW come
 * from hyparquet-compressors (plain JavaScript, no WebAssembly), each called so that it writes into one buffer of the
 * page's declared size: a page whose data is longer than it says fails as damaged instead of taking memory. The
 * declared sizes themselves are checked against the file's limits before any page is decompressed (see `checkPages` in
 * parse-parquet.ts). One gap: the brotli decoder enlarges its working buffer block by block (up to 16 MB a block)
 * before it notices that the data outgrows the page, so a brotli bomb is stopped by the memory cap of the child process
 * that checks files, not here. LZO has no maintained JavaScript decoder and is refused.
 */
import type { CompressionCodec, Compressors } from "hyparquet";
import { decompressBrotli, decompressLz4, decompressLz4Raw, decompressZstd, gunzip } from "hyparquet-compressors";

/** Codecs Sightline reads. */
export const READABLE_CODECS: ReadonlySet<CompressionCodec> = new Set<CompressionCodec>(["UNCOMPRESSED", "SNAPPY", "GZIP", "BROTLI", "ZSTD", "LZ4", "LZ4_RAW"]);

/** Codecs whose output can be many times their input (snappy and no compression cannot grow more than 22 times). */
export function isDenseCodec(codec: CompressionCodec): boolean {
  return codec !== "UNCOMPRESSED" && codec !== "SNAPPY";
}

/** The names users know the codecs by, for messages. */
export function codecName(codec: string): string {
  switch (codec) {
    case "UNCOMPRESSED":
      return "no compression";
    case "LZ4_RAW":
      return "LZ4";
    default:
      return codec.toLowerCase();
  }
}

function sized(out: Uint8Array, length: number, codec: string): Uint8Array {
  if (out.length !== length) throw new Error(`a ${codecName(codec)} page gave ${out.length} bytes instead of the ${length} it declares`);
  return out;
}

/**
 * Decompressors for hyparquet's `compressors` option. Each allocates the page's declared size: gzip and zstd are given
 * the buffer (neither grows a buffer it was given; zstd otherwise trusts the size in its own frame header), brotli and
 * LZ4 allocate the declared size themselves.
 */
export const PARQUET_DECOMPRESSORS: Compressors = {
  GZIP: (input, length) => sized(gunzip(input, new Uint8Array(length)), length, "GZIP"),
  BROTLI: (input, length) => sized(decompressBrotli(input, length), length, "BROTLI"),
  ZSTD: (input, length) => sized(decompressZstd(input, new Uint8Array(length)), length, "ZSTD"),
  LZ4: (input, length) => sized(decompressLz4(input, length), length, "LZ4"),
  LZ4_RAW: (input, length) => sized(decompressLz4Raw(input, length), length, "LZ4_RAW"),
};
