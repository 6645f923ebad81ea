// A reviewer's decision on a version in review (reviewers and owners; never the submitter, never twice by one
// person on the same evidence): the checklist, a decision and a required comment, bound to the evidence hash.
// Written with its lifecycle step and audit event in one transaction, then the audit chain's head is signed.
import "server-only";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/current-user";
import { RuleError } from "@/lib/auth/errors";
import { REVIEW_CHECKLIST, checklistSchema } from "@/lib/governance/checklist";
import { decide, type ReviewAction } from "@/lib/governance/lifecycle";
import { notify } from "@/lib/notifications/notify";
import { getDb } from "@/lib/prisma/client";
import { writeCheckpoint } from "./audit-checkpoints";
import { LIFECYCLE_TX, findVersion, lifecycleContext, loadFacts, lockModel, writeStep, type StepResult } from "./lifecycle";
import { toJson } from "./json";

export const reviewInput = z.object({
  decision: z.enum(["approve", "request_changes", "reject"], { message: "Choose a decision: Approve, Ask for changes or Reject." }),
  comment: z
    .string({ message: "Write a comment that explains your decision." })
    .trim()
    .min(10, "Write a comment of at least 10 characters that explains your decision.")
    .max(4000, "Keep the comment under 4,000 characters."),
  checklist: checklistSchema,
});

export type ReviewInput = z.input<typeof reviewInput>;

const AUDIT_ACTION: Record<ReviewAction, string> = {
  approve: "version.approved",
  request_changes: "version.changes_requested",
  reject: "version.rejected",
};

/** Records a review. Refused with the reason when the rules do not allow it. */
export async function reviewVersion(modelId: string, version: unknown, input: ReviewInput): Promise<StepResult> {
  const user = await requirePermission("version.review", "review model versions");
  const data = reviewInput.parse(input);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const row = await findVersion(tx, user.workspaceId, modelId, version);
    await lockModel(tx, row.model.id);
    let facts = await loadFacts(tx, row);
    if (facts.row.status === "approved" && facts.effectiveStatus !== "approved") {
      // The approvals were on earlier evidence: record that first, then judge this review on the new evidence.
      await writeStep(tx, row, { action: "evidence_changed", from: "approved", to: facts.effectiveStatus, actorId: null, via: null, evidenceHash: facts.evidence.hash }, { action: "version.evidence_changed" });
      facts = { ...facts, row: { ...row, status: facts.effectiveStatus } };
    }
    const decision = decide(facts.effectiveStatus, data.decision, lifecycleContext(user, facts));
    if (!decision.ok) throw new RuleError(decision.reason);
    if (!facts.submission) throw new RuleError("This version has no open submission to review.");
    const review = await tx.review.create({
      data: {
        modelVersionId: row.id,
        submissionId: facts.submission.id,
        reviewerId: user.id,
        decision: data.decision,
        comment: data.comment,
        checklist: toJson(data.checklist),
        evidenceHash: facts.evidence.hash,
      },
      select: { id: true },
    });
    const answers = REVIEW_CHECKLIST.map((i) => data.checklist[i.id]);
    await writeStep(
      tx,
      facts.row,
      { action: data.decision, from: facts.row.status, to: decision.to, actorId: user.id, via: null, evidenceHash: facts.evidence.hash, comment: data.comment },
      {
        action: AUDIT_ACTION[data.decision],
        payload: {
          reviewId: review.id,
          decision: data.decision,
          checklist: toJson(data.checklist) as { [key: string]: string },
          checklistYes: answers.filter((a) => a === "yes").length,
          checklistNo: answers.filter((a) => a === "no").length,
          approvals: facts.approvers.length + (data.decision === "approve" ? 1 : 0),
          approvalsRequired: facts.approvalsRequired,
        },
      },
    );
    await writeCheckpoint(tx, user.workspaceId);
    await notify(tx, { kind: "review_decided", workspaceId: user.workspaceId, actorId: user.id, actorName: user.name, to: [facts.submission.actorId], model: row.model, version: row.version, details: { decision: data.decision } });
    return { version: row.version, status: decision.to, evidenceHash: facts.evidence.hash };
  }, LIFECYCLE_TX);
}
