// Notifications on PostgreSQL with the real queue: a submitted version reaches the reviewers' and owners' inboxes,
// an e-mail arrives at a local SMTP server (smtp-server, with a login), a local webhook receiver (allowlisted)
// gets a Slack-compatible body whose signature checks out; a webhook to a private address is refused; each person
// sees and marks only their own notes; e-mail follows each person's choice; a decided review reaches the person who
// sent the version; a verdict turning red and a model without new data for 30 days raise their notes once.
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findOrCreateModelAsOperator } from "@/lib/db/bootstrap";
import { submitVersion } from "@/lib/db/lifecycle";
import { listInbox, markAllNotificationsRead, markNotificationRead, saveNotificationPreferences, unreadNotificationCount } from "@/lib/db/notifications";
import { reviewVersion } from "@/lib/db/reviews";
import { addWebhook, listWebhooks, removeWebhook } from "@/lib/db/webhooks";
import { REVIEW_CHECKLIST } from "@/lib/governance/checklist";
import { stopQueue } from "@/lib/jobs/queue";
import { notify } from "@/lib/notifications/notify";
import { verifySignature } from "@/lib/notifications/signature";
import { checkStaleData } from "@/lib/notifications/stale-data";
import { resetNotificationWorkers, startNotificationWorkers } from "@/lib/notifications/worker";
import { Prisma } from "@/lib/prisma/generated/client";
import { closeDb, getDb, makeWorkspace, runAsUser, usePostgres, type TestWorkspace, refusal } from "./support";

interface Mail {
  from: string;
  to: string[];
  raw: string;
}

interface Post {
  headers: http.IncomingHttpHeaders;
  body: string;
}

const mails: Mail[] = [];
const posts: Post[] = [];
let smtp: SMTPServer;
let receiver: http.Server;
let receiverPort = 0;
let ws: TestWorkspace;
let modelId: string;
let modelName: string;
let policyId: string;
let datasetId: string;
let secret: string;
const savedEnv = { ...process.env };

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function emailOf(role: keyof TestWorkspace["users"]): Promise<string> {
  const db = await getDb();
  return (await db.user.findUniqueOrThrow({ where: { id: ws.users[role] }, select: { email: true } })).email;
}

async function addVersion(version: number): Promise<string> {
  const db = await getDb();
  const row = await db.modelVersion.create({
    data: { modelId, version, artifactSha256: randomUUID().replace(/-/g, "").padEnd(64, "0"), artifactName: `v${version}.onnx`, signature: {}, featureSchema: {}, createdById: ws.users.analyst },
  });
  return row.id;
}

/** A production period with one snapshot of `versionId` whose overall light is `light`; returns the snapshot's id. */
async function addResult(versionId: string, label: string, endsAt: string, light: "green" | "red"): Promise<string> {
  const db = await getDb();
  const window = await db.window.create({ data: { modelId, datasetId, label, startsAt: new Date(endsAt), endsAt: new Date(endsAt), rowCount: 500, tablePath: null } });
  const verdict = (reason: string) => ({ light, reason });
  const snapshot = await db.snapshot.create({
    data: {
      modelVersionId: versionId,
      windowId: window.id,
      policyId,
      inputHash: randomUUID(),
      scorecard: { rows: 500, labelledRows: 500, metrics: [] },
      drift: { columns: [] },
      fairness: Prisma.JsonNull,
      verdicts: { overall: verdict(light === "red" ? "Accuracy fell by 12% since the reference" : "All checks pass"), performance: verdict("ok"), drift: verdict("ok"), fairness: verdict("ok"), policyVersion: 1 },
      narrative: [],
      schemaVersion: 2,
    },
    select: { id: true },
  });
  return snapshot.id;
}

beforeAll(async () => {
  usePostgres();
  smtp = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === "mailer" && auth.password === "mail-pass") callback(null, { user: "mailer" });
      else callback(new Error("Invalid username or password"));
    },
    onData(stream, session, callback) {
      let raw = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => (raw += chunk));
      stream.on("end", () => {
        mails.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "", to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  receiver = http.createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (body += chunk));
    request.on("end", () => {
      posts.push({ headers: request.headers, body });
      response.writeHead(200, { "Content-Type": "text/plain" }).end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverPort = (receiver.address() as AddressInfo).port;
  Object.assign(process.env, {
    SIGHTLINE_SMTP_URL: `smtp://mailer:mail-pass@127.0.0.1:${smtpPort}`,
    SIGHTLINE_MAIL_FROM: "Sightline <sightline@notify.test>",
    SIGHTLINE_WEBHOOK_ALLOWLIST: `127.0.0.1:${receiverPort}`,
    SIGHTLINE_SECRET_KEY: "integration-secret-key-0123456789-abcdef",
    SIGHTLINE_PUBLIC_URL: "https://sightline.notify.test",
  });

  ws = await makeWorkspace("Notify");
  modelName = `Notify model ${randomUUID().slice(0, 6)}`;
  modelId = (await findOrCreateModelAsOperator({ workspaceId: ws.id, name: modelName, purpose: "Tests notifications.", task: "binary", positiveLabel: "yes" })).id;
  const db = await getDb();
  policyId = (await db.policy.findFirstOrThrow({ where: { modelId }, select: { id: true } })).id;
  datasetId = (
    await db.dataset.create({ data: { modelId, kind: "production", name: "batch", fileName: "batch.csv", format: "csv", artifactSha256: "e".repeat(64), rowCount: 500, columns: {} } })
  ).id;
  await startNotificationWorkers();
});

afterAll(async () => {
  await stopQueue();
  resetNotificationWorkers();
  await closeDb();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
  for (const key of ["SIGHTLINE_SMTP_URL", "SIGHTLINE_MAIL_FROM", "SIGHTLINE_WEBHOOK_ALLOWLIST", "SIGHTLINE_SECRET_KEY", "SIGHTLINE_PUBLIC_URL"]) {
    if (savedEnv[key] === undefined) delete process.env[key];
    else process.env[key] = savedEnv[key];
  }
});

describe("webhooks", () => {
  it("refuses private and loopback addresses that the allowlist does not name, and non-owners", async () => {
    const asOwner = (url: string) => runAsUser(ws.users.owner, () => addWebhook({ url }));
    expect(await refusal(() => asOwner("http://10.0.0.1/hook"))).toBe(
      "rule: Sightline does not post to 10.0.0.1. It is a local or private address. To allow it, an admin adds it to the webhook allow list.",
    );
    expect(await refusal(() => asOwner("http://127.0.0.1/hook"))).toContain("Sightline does not post to 127.0.0.1. It is a local or private address.");
    expect(await refusal(() => asOwner(`http://127.0.0.1:${receiverPort + 1}/hook`))).toContain("local or private address");
    expect(await refusal(() => asOwner("http://[::ffff:10.0.0.1]/hook"))).toContain("local or private address");
    expect(await refusal(() => asOwner("ftp://hooks.example.com/x"))).toBe("rule: Use an address that starts with http:// or https://.");
    expect(await refusal(() => runAsUser(ws.users.reviewer, () => addWebhook({ url: `http://127.0.0.1:${receiverPort}/hook` })))).toMatch(/^forbidden/);
    expect(await refusal(() => runAsUser(ws.users.analyst, () => listWebhooks()))).toMatch(/^forbidden/);
    expect(await runAsUser(ws.users.owner, () => listWebhooks())).toEqual([]);
  });

  it("adds an allowlisted webhook: the secret is shown once, stored sealed, and the addition is audited", async () => {
    const created = await runAsUser(ws.users.owner, () => addWebhook({ url: `http://127.0.0.1:${receiverPort}/hook` }));
    secret = created.secret;
    expect(secret).toMatch(/^whsec_/);
    const db = await getDb();
    const row = await db.webhook.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.workspaceId).toBe(ws.id);
    expect(row.secretEncrypted).not.toContain(secret.slice(6));
    expect(row.secretEncrypted).toMatch(/^v1\./);
    const listed = await runAsUser(ws.users.owner, () => listWebhooks());
    expect(listed).toEqual([expect.objectContaining({ id: created.id, url: `http://127.0.0.1:${receiverPort}/hook`, secretHint: secret.slice(0, 10), lastDelivery: null })]);
    expect(JSON.stringify(listed)).not.toContain(secret);
    const audit = await db.auditEvent.findMany({ where: { workspaceId: ws.id, action: "webhook.added" } });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.payload)).not.toContain(secret);
  });
});

describe("review requested", () => {
  it("reaches reviewers and owners (not the analyst who sent it) in the inbox, by e-mail as each chose, and the webhook, signed", async () => {
    // The owner wants review requests in the inbox only.
    const kinds = ["review_decided", "verdict_red", "stale_data"];
    await runAsUser(ws.users.owner, () => saveNotificationPreferences({ email: kinds }));
    await addVersion(1);
    const started = Math.floor(Date.now() / 1000);
    await runAsUser(ws.users.analyst, () => submitVersion(modelId, 1));

    const reviewerInbox = await runAsUser(ws.users.reviewer, () => listInbox());
    expect(reviewerInbox.unread).toBe(1);
    expect(reviewerInbox.items).toEqual([
      expect.objectContaining({ kind: "review_requested", title: `Version 1 of ${modelName} waits for review.`, link: `/models/${modelId}/versions/1`, read: false }),
    ]);
    expect((await runAsUser(ws.users.owner, () => listInbox())).items.map((i) => i.kind)).toEqual(["review_requested"]);
    expect((await runAsUser(ws.users.analyst, () => listInbox())).items).toEqual([]);
    expect((await runAsUser(ws.users.viewer, () => listInbox())).items).toEqual([]);

    // The e-mail: to the reviewer only (the owner turned it off), from SIGHTLINE_MAIL_FROM, with the link.
    const reviewerEmail = await emailOf("reviewer");
    const mail = await until("the reviewer's e-mail", () => mails.find((m) => m.to.includes(reviewerEmail)));
    expect(mail.from).toBe("sightline@notify.test");
    expect(mail.raw).toContain(`Subject: Version 1 of ${modelName} waits for review.`);
    expect(mail.raw.replace(/=\r?\n/g, "")).toContain(`https://sightline.notify.test/models/${modelId}/versions/1`);

    // The webhook: Slack-compatible text plus the event, signed with the webhook's own secret.
    const post = await until("the webhook post", () => posts.find((p) => p.body.includes("review_requested")));
    expect(post.headers["content-type"]).toBe("application/json");
    const header = String(post.headers["sightline-signature"]);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const check = verifySignature(secret, header, post.body, Math.floor(Date.now() / 1000));
    expect(check).toEqual({ ok: true, timestamp: expect.any(Number) });
    expect(check.ok && check.timestamp).toBeGreaterThanOrEqual(started - 1);
    expect(verifySignature("whsec_wrong", header, post.body, Math.floor(Date.now() / 1000))).toEqual({ ok: false, reason: "mismatch" });
    const body = JSON.parse(post.body) as { text: string; event: { kind: string; model: { id: string }; version: number; url: string } };
    expect(body.text).toContain(`Version 1 of ${modelName} waits for review.`);
    expect(body.event).toMatchObject({ kind: "review_requested", model: { id: modelId }, version: 1, url: `https://sightline.notify.test/models/${modelId}/versions/1` });

    const db = await getDb();
    await until("the deliveries to be recorded", async () => {
      const rows = await db.notificationDelivery.findMany({ where: { workspaceId: ws.id }, select: { channel: true, status: true } });
      return rows.length === 2 && rows.every((r) => r.status === "sent") ? rows : undefined;
    });
    const ownerEmail = await emailOf("owner");
    expect(mails.filter((m) => m.to.includes(ownerEmail))).toEqual([]);
    const [webhook] = await runAsUser(ws.users.owner, () => listWebhooks());
    expect(webhook!.lastDelivery).toMatchObject({ status: "sent", error: null });
  });

  it("lets each person read and mark only their own notes", async () => {
    const db = await getDb();
    const ownerNote = await db.notification.findFirstOrThrow({ where: { userId: ws.users.owner, workspaceId: ws.id } });
    expect(await refusal(() => runAsUser(ws.users.reviewer, () => markNotificationRead(ownerNote.id)))).toMatch(/^not-found/);
    expect(await refusal(() => runAsUser(ws.users.reviewer, () => markNotificationRead("../../etc")))).toMatch(/^not-found/);
    const other = await makeWorkspace("Notify other");
    expect(await refusal(() => runAsUser(other.users.owner, () => markNotificationRead(ownerNote.id)))).toMatch(/^not-found/);
    expect((await runAsUser(other.users.owner, () => listInbox())).items).toEqual([]);

    const reviewerNote = (await runAsUser(ws.users.reviewer, () => listInbox())).items[0]!;
    await runAsUser(ws.users.reviewer, () => markNotificationRead(reviewerNote.id));
    expect(await runAsUser(ws.users.reviewer, () => unreadNotificationCount())).toBe(0);
    expect((await runAsUser(ws.users.reviewer, () => listInbox())).items[0]).toMatchObject({ id: reviewerNote.id, read: true });
    // The owner's note is untouched by the reviewer's reading.
    expect(await runAsUser(ws.users.owner, () => unreadNotificationCount())).toBe(1);
    expect(await runAsUser(ws.users.owner, () => markAllNotificationsRead())).toBe(1);
    expect(await runAsUser(ws.users.owner, () => unreadNotificationCount())).toBe(0);
  });
});

describe("other events", () => {
  it("a decided review reaches the person who sent the version", async () => {
    const checklist = Object.fromEntries(REVIEW_CHECKLIST.map((i) => [i.id, "yes"]));
    await runAsUser(ws.users.reviewer, () => reviewVersion(modelId, 1, { decision: "request_changes", comment: "Write down the rollback plan first.", checklist }));
    const inbox = await runAsUser(ws.users.analyst, () => listInbox());
    expect(inbox.items[0]).toMatchObject({ kind: "review_decided", title: expect.stringContaining(`asked for changes to version 1 of ${modelName}.`), read: false });
    expect((await runAsUser(ws.users.reviewer, () => listInbox())).items.filter((i) => i.kind === "review_decided")).toEqual([]);
    const analystEmail = await emailOf("analyst");
    await until("the analyst's e-mail", () => mails.find((m) => m.to.includes(analystEmail) && m.raw.includes("asked for changes")));
  });

  it("a verdict turning red notifies owners and analysts once, not again while it stays red", async () => {
    const v2 = await addVersion(2);
    const green = await addResult(v2, "2026-07", "2026-07-31T00:00:00Z", "green");
    const db = await getDb();
    expect(await db.$transaction((tx) => notify(tx, { kind: "snapshots_written", snapshotIds: [green] }))).toBe(0);
    const red = await addResult(v2, "2026-08", "2026-08-31T00:00:00Z", "red");
    expect(await db.$transaction((tx) => notify(tx, { kind: "snapshots_written", snapshotIds: [red] }))).toBe(2);
    const redAgain = await addResult(v2, "2026-09", "2026-09-30T00:00:00Z", "red");
    expect(await db.$transaction((tx) => notify(tx, { kind: "snapshots_written", snapshotIds: [redAgain] }))).toBe(0);
    const notes = await db.notification.findMany({ where: { workspaceId: ws.id, kind: "verdict_red" }, select: { userId: true, title: true, body: true } });
    expect(notes.map((n) => n.userId).sort()).toEqual([ws.users.owner, ws.users.analyst].sort());
    expect(notes[0]).toMatchObject({ title: `${modelName} turned red on 2026-08 (version 2).`, body: "Accuracy fell by 12% since the reference. Open the model to see what changed." });
  });

  it("a model without new data for 30 days raises one note per person for that quiet spell", async () => {
    const db = await getDb();
    const latest = await db.window.findFirstOrThrow({ where: { modelId }, orderBy: { createdAt: "desc" }, select: { createdAt: true } });
    const later = new Date(latest.createdAt.getTime() + 31 * 86_400_000);
    await checkStaleData(new Date(latest.createdAt.getTime() + 29 * 86_400_000));
    expect(await db.notification.count({ where: { workspaceId: ws.id, kind: "stale_data" } })).toBe(0);
    await checkStaleData(later);
    await checkStaleData(later);
    const notes = await db.notification.findMany({ where: { workspaceId: ws.id, kind: "stale_data" }, select: { userId: true, title: true } });
    expect(notes.map((n) => n.userId).sort()).toEqual([ws.users.owner, ws.users.analyst].sort());
    expect(notes[0]!.title).toBe(`No new data for ${modelName} in 30 days.`);
  });

  it("checks the address again at delivery: once the allowlist no longer names it, the post is refused", async () => {
    const db = await getDb();
    const before = posts.length;
    process.env.SIGHTLINE_WEBHOOK_ALLOWLIST = "";
    try {
      await addVersion(3);
      await runAsUser(ws.users.analyst, () => submitVersion(modelId, 3));
      const failed = await until("the refused delivery", async () => {
        const row = await db.notificationDelivery.findFirst({ where: { workspaceId: ws.id, channel: "webhook", status: "failed" }, select: { lastError: true, attempts: true } });
        return row ?? undefined;
      });
      expect(failed.lastError).toContain("local or private address");
      expect(failed.attempts).toBe(1);
      expect(posts.length).toBe(before);
    } finally {
      process.env.SIGHTLINE_WEBHOOK_ALLOWLIST = `127.0.0.1:${receiverPort}`;
    }
  });

  it("removing a webhook is audited, and later events are not posted to it", async () => {
    const [webhook] = await runAsUser(ws.users.owner, () => listWebhooks());
    expect(await refusal(() => runAsUser(ws.users.reviewer, () => removeWebhook(webhook!.id)))).toMatch(/^forbidden/);
    const other = await makeWorkspace("Notify thief");
    expect(await refusal(() => runAsUser(other.users.owner, () => removeWebhook(webhook!.id)))).toMatch(/^not-found/);
    await runAsUser(ws.users.owner, () => removeWebhook(webhook!.id));
    const db = await getDb();
    expect(await db.auditEvent.count({ where: { workspaceId: ws.id, action: "webhook.removed", subjectId: webhook!.id } })).toBe(1);
    const deliveries = await db.notificationDelivery.count({ where: { workspaceId: ws.id, channel: "webhook" } });
    await addVersion(4);
    await runAsUser(ws.users.analyst, () => submitVersion(modelId, 4));
    expect(await db.notificationDelivery.count({ where: { workspaceId: ws.id, channel: "webhook" } })).toBe(deliveries);
  });
});
