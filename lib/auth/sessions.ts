// Sessions are rows the server can end. The JWT cookie carries the row's id (`sid`); a cookie whose row is
// missing or ended is refused by Auth.js (jwt callback) and by requireUser().
import "server-only";
import { cache } from "react";
import { getDb, type Tx } from "@/lib/prisma/client";

/** A user with the workspace they act in: the oldest membership is the active one (one workspace per user for now). */
export const USER_WITH_WORKSPACE = {
  id: true,
  email: true,
  name: true,
  // Every membership, oldest first: the first is where a person works unless their session chose another.
  memberships: {
    orderBy: { createdAt: "asc" },
    select: { role: true, workspace: { select: { id: true, name: true } } },
  },
} as const;

export type SessionEndReason =
  | "signed_out"
  | "password_changed"
  | "signed_out_everywhere"
  | "signed_out_by_owner"
  | "removed";

/** lastSeenAt is written at most this often per session, not on every request. */
const SEEN_EVERY_MS = 5 * 60 * 1000;

export async function startSession(userId: string, userAgent: string | null): Promise<string> {
  const db = await getDb();
  const row = await db.session.create({
    data: { userId, userAgent: userAgent?.slice(0, 300) || null },
    select: { id: true },
  });
  return row.id;
}

/** The session with the user's memberships: one query by primary key for the whole request. */
async function readSession(sessionId: string) {
  const db = await getDb();
  const row = await db.session.findUnique({
    where: { id: sessionId },
    select: {
      userId: true,
      endedAt: true,
      endedReason: true,
      lastSeenAt: true,
      user: {
        select: USER_WITH_WORKSPACE,
      },
    },
  });
  if (row && !row.endedAt && Date.now() - row.lastSeenAt.getTime() > SEEN_EVERY_MS) {
    await db.session.updateMany({ where: { id: sessionId, endedAt: null }, data: { lastSeenAt: new Date() } });
  }
  return row;
}

/** Once per request inside React (pages, actions); the Auth.js callback and requireUser() share it. */
export const readSessionOncePerRequest = cache(readSession);
export type SessionRow = NonNullable<Awaited<ReturnType<typeof readSession>>>;

export async function isSessionLive(sessionId: string | undefined, userId: string | undefined): Promise<boolean> {
  if (!sessionId || !userId) return false;
  const row = await readSessionOncePerRequest(sessionId);
  return Boolean(row && !row.endedAt && row.userId === userId);
}

export async function endSession(sessionId: string, reason: SessionEndReason): Promise<void> {
  const db = await getDb();
  await db.session.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: new Date(), endedReason: reason } });
}

/** Ends every open session of a user (inside the caller's transaction when given). Returns how many. */
export async function endAllSessions(userId: string, reason: SessionEndReason, tx?: Tx): Promise<number> {
  const db = tx ?? (await getDb());
  const ended = await db.session.updateMany({ where: { userId, endedAt: null }, data: { endedAt: new Date(), endedReason: reason } });
  return ended.count;
}
