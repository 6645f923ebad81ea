// Login throttling and the API token rate limit, on rate-limiter-flexible with its Prisma store: the counters
// live in the "RateLimit" table, so every app process on the same database sees the same counts.
import "server-only";
import { RateLimiterPrisma, type RateLimiterRes } from "rate-limiter-flexible";
import { getDb, type Db } from "@/lib/prisma/client";

function positiveInt(value: string | undefined, fallback: number): number {
  const n = Number.parseInt(value ?? "", 10);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** Limits from the environment, with safe defaults. */
export function throttleSettings(env: NodeJS.ProcessEnv = process.env) {
  return {
    /** failed sign-ins (or invitation acceptances) per account and address in `accountWindowMinutes` */
    accountFailures: positiveInt(env.SIGHTLINE_LOGIN_MAX_FAILURES, 10),
    accountWindowMinutes: positiveInt(env.SIGHTLINE_LOGIN_WINDOW_MINUTES, 15),
    /** failed attempts per address (any account) in an hour */
    addressFailures: positiveInt(env.SIGHTLINE_LOGIN_MAX_FAILURES_PER_ADDRESS, 100),
    /** how long a pair or an address stays locked once over its limit */
    lockMinutes: positiveInt(env.SIGHTLINE_LOGIN_LOCK_MINUTES, 15),
    /** requests per API token per minute */
    apiTokenPerMinute: positiveInt(env.SIGHTLINE_API_TOKEN_RATE_PER_MINUTE, 600),
  };
}

export type ThrottleResult = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface Limiters {
  pair: RateLimiterPrisma;
  address: RateLimiterPrisma;
  apiToken: RateLimiterPrisma;
}

/** Limiters on a given Prisma client (the app's shared one by default; tests pass their own). */
export function createLimiters(db: Db, env: NodeJS.ProcessEnv = process.env, options: { clearExpired?: boolean } = {}): Limiters {
  const s = throttleSettings(env);
  // `tableName` is the Prisma client's accessor of model RateLimit. The app's limiters delete rows that expired
  // over an hour ago every 5 minutes (an unref'd timer); tests leave that off.
  const common = { storeClient: db, tableName: "rateLimit", clearExpiredByTimeout: options.clearExpired ?? false };
  return {
    pair: new RateLimiterPrisma({
      ...common,
      keyPrefix: "login_pair",
      points: s.accountFailures,
      duration: s.accountWindowMinutes * 60,
      blockDuration: s.lockMinutes * 60,
    }),
    address: new RateLimiterPrisma({
      ...common,
      keyPrefix: "login_address",
      points: s.addressFailures,
      duration: 60 * 60,
      blockDuration: s.lockMinutes * 60,
    }),
    apiToken: new RateLimiterPrisma({ ...common, keyPrefix: "api_token", points: s.apiTokenPerMinute, duration: 60 }),
  };
}

// Per module instance, not on globalThis: Next bundles each route separately, and a limiter made by another
// route's copy of the library would reject with that copy's RateLimiterRes class.
let shared: { db: Db; limiters: Limiters } | undefined;

async function limiters(): Promise<Limiters> {
  const db = await getDb();
  if (shared?.db !== db) shared = { db, limiters: createLimiters(db, process.env, { clearExpired: true }) };
  return shared.limiters;
}

/** A limiter's "over the limit" answer (checked by shape, not class, for the same reason). */
function isLimiterRes(value: unknown): value is RateLimiterRes {
  return typeof value === "object" && value !== null && "msBeforeNext" in value && "consumedPoints" in value;
}

const pairKey = (account: string, address: string) => `${account.trim().toLowerCase()}|${address}`;
const retryAfter = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

/** Whether a sign-in (or invitation acceptance) for this account from this address may be tried now. */
export async function checkLoginAllowed(account: string, address: string, l?: Limiters): Promise<ThrottleResult> {
  const { pair, address: byAddress } = l ?? (await limiters());
  const [p, a] = await Promise.all([pair.get(pairKey(account, address)), byAddress.get(address)]);
  const blocked = [
    p && p.consumedPoints > pair.points ? retryAfter(p) : 0,
    a && a.consumedPoints > byAddress.points ? retryAfter(a) : 0,
  ];
  const wait = Math.max(...blocked);
  return wait > 0 ? { ok: false, retryAfterSeconds: wait } : { ok: true };
}

/** Counts a failed attempt; answers not ok when this attempt went over a limit (the pair or address is now locked). */
export async function recordLoginFailure(account: string, address: string, l?: Limiters): Promise<ThrottleResult> {
  const { pair, address: byAddress } = l ?? (await limiters());
  const results = await Promise.allSettled([pair.consume(pairKey(account, address)), byAddress.consume(address)]);
  let wait = 0;
  for (const r of results) {
    if (r.status === "fulfilled") continue;
    if (isLimiterRes(r.reason)) wait = Math.max(wait, retryAfter(r.reason));
    else throw r.reason;
  }
  return wait > 0 ? { ok: false, retryAfterSeconds: wait } : { ok: true };
}

/** A successful sign-in clears the account-and-address counter (the address counter keeps counting). */
export async function recordLoginSuccess(account: string, address: string, l?: Limiters): Promise<void> {
  const { pair } = l ?? (await limiters());
  await pair.delete(pairKey(account, address));
}

/** Counts one API request of a token; not ok when the token is over its per-minute limit. */
export async function consumeApiTokenRequest(tokenId: string, l?: Limiters): Promise<ThrottleResult> {
  const { apiToken } = l ?? (await limiters());
  try {
    await apiToken.consume(tokenId);
    return { ok: true };
  } catch (error) {
    if (isLimiterRes(error)) return { ok: false, retryAfterSeconds: retryAfter(error) };
    throw error;
  }
}

export function tooManyAttemptsMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many attempts. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}

/**
 * The caller's address: the last entry of X-Forwarded-For (added by the nearest proxy, or by Next.js itself from
 * the socket when the request has none), else X-Real-IP. Behind no proxy a client can send its own header, so
 * production deployments put a proxy in front that sets it.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").map((s) => s.trim()).filter(Boolean).at(-1);
  return (last ?? headers.get("x-real-ip")?.trim()) || "unknown";
}
