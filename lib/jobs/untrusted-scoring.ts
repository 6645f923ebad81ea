// Scoring a stored period's rows on request (a page's sample, a CSV download) in a warm child process of its own
// (scored-rows-child.ts), with the jobs' deadline and memory cap: a model is untrusted work, so it never runs in the
// server, and a download never waits behind a long evaluation job. The CSV is written by the child to a staging file
// batch by batch and streamed from there while it grows: the rows never pass through the server's memory whole.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { SCORED_ROWS_WORDS } from "@/lib/narrative/scored-rows-words";
import { stagingDir } from "@/lib/storage/artifacts";
import type { ScoredSample } from "@/lib/contracts/scored-rows";
import { WarmChild, positiveFromEnv, type ChildLimits, type ChildRun } from "./child-process";
import type { ScoredRowsAnswer, ScoredRowsInput, ScoredRowsProgress, ScoredRowsRequest } from "./scored-rows-work";

const SCRIPT = "lib/jobs/scored-rows-child.ts";

/** The jobs' limits (SIGHTLINE_JOB_SECONDS, default 3600; SIGHTLINE_JOB_MAX_MB, default 4096); a sample gets 60 s at most. */
export function scoringLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): ChildLimits {
  return { seconds: positiveFromEnv(env.SIGHTLINE_JOB_SECONDS, 3600), memoryMb: positiveFromEnv(env.SIGHTLINE_JOB_MAX_MB, 4096) };
}

/** Scoring rows failed or was stopped; the message says why in plain words. */
export class RowScoringError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RowScoringError";
  }
}

// One warm child per server process (kept on globalThis: Next bundles routes apart).
const globalScorer = globalThis as unknown as { sightlineRowScorer?: WarmChild<ScoredRowsProgress, ScoredRowsAnswer> };
function scorer(): WarmChild<ScoredRowsProgress, ScoredRowsAnswer> {
  return (globalScorer.sightlineRowScorer ??= new WarmChild<ScoredRowsProgress, ScoredRowsAnswer>(SCRIPT));
}

function run(request: ScoredRowsRequest, limits: ChildLimits, onProgress?: ChildRun<ScoredRowsProgress>["onProgress"]): Promise<ScoredRowsAnswer> {
  return scorer().run({
    script: SCRIPT,
    request,
    limits,
    ...(onProgress ? { onProgress } : {}),
    overTime: ({ seconds }) => new RowScoringError(SCORED_ROWS_WORDS.overTime(seconds)),
    overMemory: ({ memoryMb }) => new RowScoringError(SCORED_ROWS_WORDS.overMemory(memoryMb)),
  });
}

/** `size` rows spread over the period, scored in the child. */
export async function scoreSampleIsolated(input: ScoredRowsInput, size: number, limits: ChildLimits = scoringLimitsFromEnv()): Promise<ScoredSample> {
  const answer = await run({ ...input, kind: "sample", size }, { ...limits, seconds: Math.min(limits.seconds, 60) });
  if (!answer.ok) throw new RowScoringError(answer.message);
  if (answer.kind !== "sample") throw new Error("The scoring child answered a sample request with a CSV.");
  return answer.sample;
}

/** Stops reading a CSV that is still being written (the client went away). */
class Cancelled extends Error {}

const CHUNK_BYTES = 256 * 1024;

/**
 * Every row of the period with the model's answers as a CSV stream. Resolves once the header and the first batch
 * are written (so a model that cannot score the period is a RowScoringError before any byte is sent); the stream
 * then reads the staging file up to what the child has written, waits for the next batch, and deletes the file at
 * the end. A client that goes away stops the child.
 */
export async function scoredCsvStream(input: ScoredRowsInput, limits: ChildLimits = scoringLimitsFromEnv()): Promise<{ stream: ReadableStream<Uint8Array>; rows: number }> {
  const dir = stagingDir();
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `scored-${randomUUID()}.csv`);
  fs.writeFileSync(file, "", { flag: "wx" });
  const state = { written: 0, rows: 0, done: false, cancelled: false, failure: null as Error | null };
  let wake: (() => void) | null = null;
  const changed = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const next = () => new Promise<void>((resolve) => (wake = resolve));
  const remove = () => fs.rm(file, { force: true }, () => undefined);

  void run({ ...input, kind: "csv", outPath: file }, limits, (p) => {
    if (state.cancelled) throw new Cancelled("The download was cancelled.");
    state.written = p.bytes;
    state.rows = p.rows;
    changed();
  }).then(
    (answer) => {
      if (answer.ok && answer.kind === "csv") {
        state.written = answer.bytes;
        state.rows = answer.rows;
      } else state.failure = new RowScoringError(answer.ok ? "The scoring child answered a CSV request with a sample." : answer.message);
      state.done = true;
      changed();
    },
    (error: unknown) => {
      state.failure = error instanceof Error ? error : new Error(String(error));
      state.done = true;
      changed();
    },
  );

  while (state.written === 0 && !state.done) await next();
  if (state.failure && state.written === 0) {
    remove();
    throw state.failure instanceof Cancelled ? state.failure : new RowScoringError(state.failure.message);
  }

  let handle: fs.promises.FileHandle | null = null;
  let position = 0;
  const close = async () => {
    const h = handle;
    handle = null;
    await h?.close().catch(() => undefined);
    remove();
  };
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      for (;;) {
        if (position < state.written) {
          handle ??= await fs.promises.open(file, "r");
          const length = Math.min(CHUNK_BYTES, state.written - position);
          const buffer = Buffer.allocUnsafe(length);
          const { bytesRead } = await handle.read(buffer, 0, length, position);
          position += bytesRead;
          controller.enqueue(new Uint8Array(buffer.buffer, buffer.byteOffset, bytesRead));
          return;
        }
        if (state.failure) {
          await close();
          controller.error(state.failure);
          return;
        }
        if (state.done) {
          await close();
          controller.close();
          return;
        }
        await next();
      }
    },
    async cancel() {
      state.cancelled = true;
      await close();
    },
  });
  return { stream, rows: state.rows };
}
