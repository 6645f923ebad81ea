// The login throttle and API rate limit keep their counters in PostgreSQL (rate-limiter-flexible's Prisma store on
// our Prisma client): two limiter instances on two separate clients, as two app processes would have, share counts.
import { inject } from "vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { openDatabase, type OpenDatabase } from "@/lib/prisma/connect";
import {
  checkLoginAllowed,
  consumeApiTokenRequest,
  createLimiters,
  recordLoginFailure,
  recordLoginSuccess,
  type Limiters,
} from "@/lib/auth/throttle";

const env = {
  SIGHTLINE_LOGIN_MAX_FAILURES: "5",
  SIGHTLINE_LOGIN_WINDOW_MINUTES: "15",
  SIGHTLINE_LOGIN_MAX_FAILURES_PER_ADDRESS: "8",
  SIGHTLINE_LOGIN_LOCK_MINUTES: "15",
  SIGHTLINE_API_TOKEN_RATE_PER_MINUTE: "10",
} as unknown as NodeJS.ProcessEnv;

let processA: OpenDatabase;
let processB: OpenDatabase;
let a: Limiters;
let b: Limiters;

beforeAll(async () => {
  const url = inject("databaseUrl");
  processA = await openDatabase({ kind: "postgres", url });
  processB = await openDatabase({ kind: "postgres", url });
  a = createLimiters(processA.prisma, env);
  b = createLimiters(processB.prisma, env);
});

afterAll(async () => {
  await processA?.close();
  await processB?.close();
});

const unique = (label: string) => `${label}-${randomUUID().slice(0, 8)}`;

describe("limiter store on PostgreSQL", () => {
  it("counts failures from two processes together and locks the account-and-address pair for both", async () => {
    const account = `${unique("user")}@example.com`;
    const address = unique("10.0.0");
    for (let i = 0; i < 3; i++) expect((await recordLoginFailure(account, address, a)).ok).toBe(true);
    for (let i = 0; i < 2; i++) expect((await recordLoginFailure(account, address, b)).ok).toBe(true);
    // Five failures: still allowed to try (the limit is "more than five").
    expect(await checkLoginAllowed(account, address, a)).toEqual({ ok: true });
    // The sixth failure, counted by process B, goes over the limit and locks the pair for 15 minutes.
    const over = await recordLoginFailure(account, address, b);
    expect(over.ok).toBe(false);
    const seenByA = await checkLoginAllowed(account, address, a);
    expect(seenByA.ok).toBe(false);
    if (!seenByA.ok) expect(seenByA.retryAfterSeconds).toBeGreaterThan(14 * 60);
    // Another account from the same address is not locked (the address limit is higher).
    expect(await checkLoginAllowed(`${unique("other")}@example.com`, address, b)).toEqual({ ok: true });
  });

  it("counts concurrent failures exactly", async () => {
    const address = unique("10.0.1");
    const attempts = Array.from({ length: 8 }, (_, i) =>
      recordLoginFailure(`${unique(`u${i}`)}@example.com`, address, i % 2 ? a : b),
    );
    const results = await Promise.all(attempts);
    expect(results.every((r) => r.ok)).toBe(true);
    const row = await processA.prisma.rateLimit.findUnique({ where: { key: `login_address:${address}` } });
    expect(row?.points).toBe(8);
    // The ninth failure from that address, whatever the account, locks the address.
    expect((await recordLoginFailure(`${unique("u9")}@example.com`, address, a)).ok).toBe(false);
    expect((await checkLoginAllowed(`${unique("fresh")}@example.com`, address, b)).ok).toBe(false);
  });

  it("clears the pair's count after a successful sign-in", async () => {
    const account = `${unique("user")}@example.com`;
    const address = unique("10.0.2");
    for (let i = 0; i < 4; i++) await recordLoginFailure(account, address, a);
    await recordLoginSuccess(account, address, b);
    // Without the reset the pair would be at 8 (over 5); the address keeps counting (8, at its limit).
    for (let i = 0; i < 4; i++) expect((await recordLoginFailure(account, address, a)).ok).toBe(true);
  });

  it("shares an API token's request budget between processes", async () => {
    const token = unique("token");
    for (let i = 0; i < 10; i++) expect((await consumeApiTokenRequest(token, i % 2 ? a : b)).ok).toBe(true);
    const refused = await consumeApiTokenRequest(token, a);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
  });
});
