// Untrusted or heavy work in a child process (DESIGN.md "Domain"): a model's dry run, and a job's scoring and
// evaluation. The child gets one request over IPC, may send progress messages, and ends with one answer. The
// parent kills it at its deadline, or when its resident memory passes the cap: worker threads' resourceLimits do
// not cap WebAssembly memory, so a watchdog reads the child's memory from /proc. The child never opens the
// database, and the server's own event loop stays free to answer other requests meanwhile.
import { fork, type ChildProcess, type Serializable } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export interface ChildLimits {
  /** seconds the work may take */
  seconds: number;
  /** resident memory the child may use, in MB */
  memoryMb: number;
}

/** What a child sends: progress along the way, then exactly one answer (`id`: the request's, for a warm child). */
export type ChildMessage<P, A> = { type: "progress"; progress: P; id?: number } | { type: "answer"; answer: A; id?: number };

export function positiveFromEnv(raw: string | undefined, fallback: number): number {
  const n = Number(raw);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

/**
 * Children run at a lower CPU priority than the server (SIGHTLINE_CHILD_NICE, default 10, 0 to keep the same), so
 * that on a busy machine the server's page and API requests go first and a long job only takes what is left.
 */
function lowerPriority(child: ChildProcess, env: NodeJS.ProcessEnv = process.env): void {
  const raw = env.SIGHTLINE_CHILD_NICE;
  const nice = raw !== undefined && raw.trim() !== "" && Number.isInteger(Number(raw)) ? Math.min(19, Math.max(0, Number(raw))) : 10;
  if (!child.pid || nice === 0) return;
  try {
    os.setPriority(child.pid, Math.min(19, os.getPriority(process.pid) + nice));
  } catch {
    // not allowed here (some containers): the child keeps the server's priority
  }
}

/** Resident memory of a process in MB (Linux /proc); null where it cannot be read. */
function residentMb(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(status);
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

export interface ChildRun<P> {
  /** The child script, relative to the project root (run with tsx). */
  script: string;
  request: Serializable;
  limits: ChildLimits;
  onProgress?: (progress: P) => Promise<void> | void;
  /** The error for a child that ran past its deadline / past its memory cap (in the words of the caller). */
  overTime: (limits: ChildLimits) => Error;
  overMemory: (limits: ChildLimits, usedMb: number) => Error;
}

/** Runs `script` in a child process and resolves with its answer. Stopping early: throw from onProgress. */
export function runInChild<P, A>(run: ChildRun<P>): Promise<A> {
  const script = path.join(/*turbopackIgnore: true*/ process.cwd(), run.script);
  return new Promise<A>((resolve, reject) => {
    const child = fork(script, [], {
      execArgv: ["--conditions=react-server", "--import", "tsx"],
      serialization: "advanced",
      stdio: ["ignore", "ignore", "pipe", "ipc"],
      env: { ...process.env, NODE_OPTIONS: "" },
    });
    lowerPriority(child);
    let settled = false;
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      if (stderr.length < 4000) stderr += chunk.toString("utf8");
    });
    const finish = (error: unknown, answer?: A) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      clearInterval(watchdog);
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      if (error) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve(answer as A);
    };
    const deadline = setTimeout(() => finish(run.overTime(run.limits)), run.limits.seconds * 1000);
    const watchdog = setInterval(() => {
      const mb = child.pid === undefined ? null : residentMb(child.pid);
      if (mb !== null && mb > run.limits.memoryMb) finish(run.overMemory(run.limits, mb));
    }, 100);
    // Progress is handled one message at a time, in order; an error thrown there stops the child.
    let chain: Promise<void> = Promise.resolve();
    child.on("message", (raw: unknown) => {
      const message = raw as ChildMessage<P, A>;
      if (message.type === "progress") {
        if (!run.onProgress) return;
        const progress = message.progress;
        chain = chain.then(() => run.onProgress?.(progress)).catch((error: unknown) => finish(error));
      } else {
        void chain.then(() => finish(null, message.answer));
      }
    });
    child.on("error", (error) => finish(error));
    child.on("exit", (code, signal) => {
      if (settled) return;
      void chain.then(() => finish(new Error(`The work stopped unexpectedly (exit ${code ?? signal ?? "?"}). ${stderr.trim().slice(0, 500)}`)));
    });
    child.send(run.request);
  });
}

/** The child's side: read one request, run it, send progress and the answer, then exit. */
export function serveOneRequest<Q, P, A>(work: (request: Q, progress: (p: P) => void) => Promise<A>, onError: (error: unknown) => A): void {
  process.once("message", (raw: unknown) => {
    const send = (message: ChildMessage<P, A>, done: () => void = () => undefined) => process.send?.(message, undefined, {}, done);
    void (async () => {
      let answer: A;
      try {
        answer = await work(raw as Q, (progress) => send({ type: "progress", progress }));
      } catch (error) {
        answer = onError(error);
      }
      send({ type: "answer", answer }, () => process.exit(0));
    })();
  });
}

// ---- A warm child: started once, serves requests one at a time -------------------------------------------------
// Starting a child costs a second or two (tsx compiles the modules), too much for every upload check. A warm child
// keeps running between requests; the same deadline and memory cap apply to each request, and a child that breaks
// one (or grows large) is killed and replaced for the next.

interface Pending<P, A> {
  id: number;
  run: ChildRun<P>;
  resolve: (answer: A) => void;
  reject: (error: Error) => void;
}

export class WarmChild<P, A> {
  private child: ChildProcess | null = null;
  private queue: Pending<P, A>[] = [];
  private busy = false;
  private nextId = 1;

  /** `recycleMb`: a child whose resident memory is above this after a request is replaced. */
  constructor(
    private readonly script: string,
    private readonly recycleMb = 768,
  ) {}

  run(run: ChildRun<P>): Promise<A> {
    return new Promise<A>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, run, resolve, reject });
      this.pump();
    });
  }

  /** Starts the child now, so the first request does not wait for it. */
  warm(): void {
    this.ensureChild();
  }

  private ensureChild(): ChildProcess {
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) return this.child;
    const child = fork(path.join(/*turbopackIgnore: true*/ process.cwd(), this.script), [], {
      execArgv: ["--conditions=react-server", "--import", "tsx"],
      serialization: "advanced",
      stdio: ["ignore", "ignore", "inherit", "ipc"],
      env: { ...process.env, NODE_OPTIONS: "" },
    });
    lowerPriority(child);
    child.unref();
    child.channel?.unref();
    this.child = child;
    return child;
  }

  private kill(): void {
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) this.child.kill("SIGKILL");
    this.child = null;
  }

  private pump(): void {
    if (this.busy) return;
    const next = this.queue.shift();
    if (!next) return;
    this.busy = true;
    const child = this.ensureChild();
    child.channel?.ref();
    const { run } = next;
    let settled = false;
    let chain: Promise<void> = Promise.resolve();
    const finish = (error: unknown, answer?: A) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      clearInterval(watchdog);
      child.off("message", onMessage);
      child.off("exit", onExit);
      const mb = child.pid === undefined ? null : residentMb(child.pid);
      if (error || (mb !== null && mb > this.recycleMb)) this.kill();
      else child.channel?.unref();
      this.busy = false;
      if (error) next.reject(error instanceof Error ? error : new Error(String(error)));
      else next.resolve(answer as A);
      this.pump();
    };
    const deadline = setTimeout(() => finish(run.overTime(run.limits)), run.limits.seconds * 1000);
    const watchdog = setInterval(() => {
      const mb = child.pid === undefined ? null : residentMb(child.pid);
      if (mb !== null && mb > run.limits.memoryMb) finish(run.overMemory(run.limits, mb));
    }, 100);
    const onMessage = (raw: unknown) => {
      const message = raw as ChildMessage<P, A>;
      if (message.id !== next.id) return;
      if (message.type === "progress") {
        const progress = message.progress;
        if (run.onProgress) chain = chain.then(() => run.onProgress?.(progress)).catch((error: unknown) => finish(error));
      } else {
        void chain.then(() => finish(null, message.answer));
      }
    };
    const onExit = (code: number | null, signal: string | null) => finish(new Error(`The work stopped unexpectedly (exit ${code ?? signal ?? "?"}).`));
    child.on("message", onMessage);
    child.on("exit", onExit);
    child.send({ id: next.id, request: run.request });
  }
}

/** The warm child's side: answer each request in turn (progress and answer carry the request's id). */
export function serveRequests<Q, P, A>(work: (request: Q, progress: (p: P) => void) => Promise<A>, onError: (error: unknown) => A): void {
  let tail: Promise<void> = Promise.resolve();
  process.on("disconnect", () => process.exit(0)); // the server went away
  process.on("message", (raw: unknown) => {
    const { id, request } = raw as { id: number; request: Q };
    const send = (message: ChildMessage<P, A>) => process.send?.(message);
    tail = tail.then(async () => {
      let answer: A;
      try {
        answer = await work(request, (progress) => send({ type: "progress", progress, id }));
      } catch (error) {
        answer = onError(error);
      }
      send({ type: "answer", answer, id });
    });
  });
}
