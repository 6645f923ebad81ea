// Content-addressed file store for originals (uploaded files, model files) and columnar copies.
// Files are written to a temp name first and only promoted into the store once accepted, so a refused
// upload leaves nothing behind.
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir } from "@/lib/prisma/connect";

export function artifactRoot(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(/*turbopackIgnore: true*/ env.SIGHTLINE_ARTIFACT_DIR?.trim() || path.join(dataDir(env), "artifacts"));
}

const SHA256 = /^[0-9a-f]{64}$/;

export function artifactPath(sha256: string, extension = ""): string {
  if (!SHA256.test(sha256)) throw new Error(`Not a sha256 digest: ${sha256}`);
  return path.join(artifactRoot(), sha256.slice(0, 2), `${sha256}${extension}`);
}

/** The size in bytes of a stored file (0 when it is missing). */
export function artifactSize(sha256: string, extension = ""): number {
  try {
    return fs.statSync(artifactPath(sha256, extension)).size;
  } catch {
    return 0;
  }
}

export class UploadTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(
      `The file is larger than the limit of ${Math.round(limitBytes / 1024 / 1024)} MB. ` +
        "Split it into smaller batches, or ask your administrator to raise SIGHTLINE_MAX_UPLOAD_MB.",
    );
    this.name = "UploadTooLargeError";
  }
}

export interface StagedFile {
  /** temp path of the bytes, until promoted or discarded */
  tempPath: string;
  sha256: string;
  size: number;
}

/** Streams bytes to a temp file while hashing them; stops at `maxBytes`. */
export async function stageUpload(source: AsyncIterable<Uint8Array> | Uint8Array, maxBytes: number): Promise<StagedFile> {
  const tmpDir = stagingDir();
  fs.mkdirSync(tmpDir, { recursive: true });
  const tempPath = path.join(tmpDir, randomUUID());
  const hash = createHash("sha256");
  let size = 0;
  const out = fs.createWriteStream(tempPath, { flags: "wx" });
  try {
    const chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array> = source instanceof Uint8Array ? [source] : source;
    for await (const chunk of chunks) {
      size += chunk.byteLength;
      if (size > maxBytes) throw new UploadTooLargeError(maxBytes);
      hash.update(chunk);
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
    }
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    return { tempPath, sha256: hash.digest("hex"), size };
  } catch (error) {
    out.destroy();
    fs.rmSync(tempPath, { force: true });
    throw error;
  }
}

/** Moves a staged file into the store under its sha256 (a no-op when the same bytes are stored already). */
export function promoteStaged(staged: StagedFile, extension = ""): string {
  const target = artifactPath(staged.sha256, extension);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  if (fs.existsSync(target)) fs.rmSync(staged.tempPath, { force: true });
  else fs.renameSync(staged.tempPath, target);
  return target;
}

/**
 * The staged file's bytes, opened only when first read and closed when the reader stops: a reader that is
 * never iterated (a file refused by its name) opens nothing, so discarding the file cannot race a stream.
 */
export async function* readStaged(staged: StagedFile): AsyncGenerator<Uint8Array> {
  const stream = fs.createReadStream(staged.tempPath);
  try {
    for await (const chunk of stream) yield chunk as Uint8Array;
  } finally {
    stream.destroy();
  }
}

/** The staging folder (uploads waiting to be checked or for their job). */
export function stagingDir(): string {
  return path.join(artifactRoot(), "tmp");
}

/**
 * Removes staged files older than `olderThanMs` whose name is not in `keep` (files a queued, running or
 * retryable job still needs). Returns the number of files removed; errors on single files are ignored.
 */
export function sweepStaging(options: { olderThanMs: number; keep: ReadonlySet<string>; now?: number }): number {
  const dir = stagingDir();
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  const now = options.now ?? Date.now();
  let removed = 0;
  for (const entry of entries) {
    if (!entry.isFile() || options.keep.has(entry.name)) continue;
    const file = path.join(dir, entry.name);
    try {
      if (now - fs.statSync(file).mtimeMs < options.olderThanMs) continue;
      fs.rmSync(file, { force: true });
      removed += 1;
    } catch {
      // gone already, or not ours to remove
    }
  }
  return removed;
}

export function discardStaged(staged: StagedFile | null | undefined): void {
  if (staged) fs.rmSync(staged.tempPath, { force: true });
}

/** Stores bytes that are already in memory (e.g. a columnar copy); returns the digest. */
export function storeBytes(bytes: Uint8Array, extension = ""): { sha256: string; path: string } {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const target = artifactPath(sha256, extension);
  if (!fs.existsSync(target)) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const temp = `${target}.${randomUUID()}.tmp`;
    fs.writeFileSync(temp, bytes);
    fs.renameSync(temp, target);
  }
  return { sha256, path: target };
}

export function readArtifact(sha256: string, extension = ""): Uint8Array {
  const file = artifactPath(sha256, extension);
  const buffer = fs.readFileSync(file);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
