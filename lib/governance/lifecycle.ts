// The model version's lifecycle (DESIGN.md "Domain", issue 12). Pure: no database, no framework.
//
//   draft -> in_review                    submit (analyst, owner)
//   in_review -> draft                    withdraw (the submitter or an owner); the submission's reviews stop counting
//   in_review -> approved                 approve, once the policy's number of distinct approvals is met
//   in_review -> changes_requested        request changes (reviewer, owner; never the submitter)
//   in_review -> rejected                 reject (reviewer, owner; never the submitter)
//   changes_requested -> draft            back to draft (the submitter, an analyst or an owner)
//   approved -> live                      make live (owners), with enough approvals on the CURRENT evidence
//   retired -> live                       roll back (owners), only for a version that was approved
// Making a version live retires the one that was live (one live version per model). When the evidence changes
// after a submission, an approved version goes back to in_review and the earlier decisions stop counting.
import type { Role } from "@/lib/auth/permissions";

export const VERSION_STATES = ["draft", "in_review", "approved", "changes_requested", "rejected", "live", "retired"] as const;
export type VersionState = (typeof VERSION_STATES)[number];

export const LIFECYCLE_ACTIONS = ["submit", "withdraw", "approve", "request_changes", "reject", "make_live", "rollback", "back_to_draft"] as const;
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];

export const REVIEW_ACTIONS = ["approve", "request_changes", "reject"] as const satisfies readonly LifecycleAction[];
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

export function isReviewAction(action: LifecycleAction): action is ReviewAction {
  return (REVIEW_ACTIONS as readonly string[]).includes(action);
}

/** Who asks, and what is known about the version's current submission and evidence. */
export interface LifecycleContext {
  actorId: string;
  role: Role;
  /** true when an API token acts for its creator: tokens may submit, never sign off */
  viaToken?: boolean;
  /** who submitted the current submission (null when the version was never submitted) */
  submitterId: string | null;
  /** people who already decided on the current submission and the current evidence */
  reviewedOnCurrentEvidence: readonly string[];
  /** distinct approvals on the current submission and the current evidence (before this step) */
  approvalsOnCurrentEvidence: number;
  /** the policy's `approvalsRequired` */
  approvalsRequired: number;
  /** the version reached `approved` at some point (a rollback needs it) */
  wasApproved: boolean;
}

export type LifecycleDecision = { ok: true; to: VersionState } | { ok: false; reason: string };

/** Which states each action starts from, and the roles that may take it. */
export const ACTION_RULES: Record<LifecycleAction, { from: readonly VersionState[]; roles: readonly Role[] }> = {
  submit: { from: ["draft"], roles: ["owner", "analyst"] },
  withdraw: { from: ["in_review"], roles: ["owner", "analyst"] },
  approve: { from: ["in_review"], roles: ["owner", "reviewer"] },
  request_changes: { from: ["in_review"], roles: ["owner", "reviewer"] },
  reject: { from: ["in_review"], roles: ["owner", "reviewer"] },
  make_live: { from: ["approved"], roles: ["owner"] },
  rollback: { from: ["retired"], roles: ["owner"] },
  back_to_draft: { from: ["changes_requested"], roles: ["owner", "analyst"] },
};

const ACTION_WORDS: Record<LifecycleAction, string> = {
  submit: "submit a version for review",
  withdraw: "withdraw a submission",
  approve: "approve a version",
  request_changes: "ask for changes",
  reject: "reject a version",
  make_live: "make a version live",
  rollback: "roll back to a version",
  back_to_draft: "move a version back to draft",
};

const STATE_WORDS: Record<VersionState, string> = {
  draft: "a draft",
  in_review: "in review",
  approved: "approved",
  changes_requested: "waiting for changes",
  rejected: "rejected",
  live: "live",
  retired: "retired",
};

const ROLE_WORDS: Record<Role, string> = { owner: "an owner", reviewer: "a reviewer", analyst: "an analyst", viewer: "a viewer" };

function list(roles: readonly Role[]): string {
  const words = roles.map((r) => `${r}s`);
  return words.length <= 1 ? (words[0] ?? "nobody") : `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

/** Why `action` cannot start from `state`, in plain words. */
function wrongStateReason(state: VersionState, action: LifecycleAction): string {
  const now = `This version is ${STATE_WORDS[state]}.`;
  switch (action) {
    case "submit":
      return state === "changes_requested"
        ? `${now} Move it back to draft first, then submit it again.`
        : `${now} Only a draft can be submitted for review.`;
    case "withdraw":
      return `${now} Only a version in review can be withdrawn.`;
    case "approve":
    case "request_changes":
    case "reject":
      return `${now} Only a version in review can be reviewed.`;
    case "make_live":
      return state === "live"
        ? `${now} It is already the live version.`
        : state === "retired"
          ? `${now} Use roll back to make it live again.`
          : `${now} Only an approved version can be made live.`;
    case "rollback":
      return `${now} Only a retired version can be rolled back to.`;
    case "back_to_draft":
      return `${now} Only a version with changes asked for goes back to draft.`;
  }
}

/**
 * Whether `action` may be taken on a version in `state` by the person in `ctx`, and the state it leads to.
 * Every refusal carries its reason in plain words.
 */
export function decide(state: VersionState, action: LifecycleAction, ctx: LifecycleContext): LifecycleDecision {
  const rule = ACTION_RULES[action];
  if (!rule.from.includes(state)) return { ok: false, reason: wrongStateReason(state, action) };
  if (!rule.roles.includes(ctx.role)) {
    return { ok: false, reason: `You are ${ROLE_WORDS[ctx.role]}. Only ${list(rule.roles)} may ${ACTION_WORDS[action]}.` };
  }
  if (ctx.viaToken && action !== "submit") {
    return { ok: false, reason: `An API token may only submit a version for review. A person must ${ACTION_WORDS[action]} in the app.` };
  }
  switch (action) {
    case "submit":
      // With no approvals required (a one-person workspace, set by a policy change with a reason) the
      // submission is approved at once: "no independent review".
      return { ok: true, to: ctx.approvalsRequired <= 0 ? "approved" : "in_review" };
    case "withdraw":
      if (ctx.role !== "owner" && ctx.actorId !== ctx.submitterId) {
        return { ok: false, reason: "Only the person who submitted this version, or an owner, may withdraw it." };
      }
      return { ok: true, to: "draft" };
    case "approve":
    case "request_changes":
    case "reject": {
      if (ctx.submitterId !== null && ctx.actorId === ctx.submitterId) {
        return { ok: false, reason: "You submitted this version, so you cannot review it. Someone else must review it." };
      }
      if (ctx.reviewedOnCurrentEvidence.includes(ctx.actorId)) {
        return { ok: false, reason: "You already reviewed this version on the same evidence. Each person reviews the same evidence once." };
      }
      if (action === "request_changes") return { ok: true, to: "changes_requested" };
      if (action === "reject") return { ok: true, to: "rejected" };
      return { ok: true, to: ctx.approvalsOnCurrentEvidence + 1 >= ctx.approvalsRequired ? "approved" : "in_review" };
    }
    case "make_live":
      if (ctx.approvalsOnCurrentEvidence < ctx.approvalsRequired) {
        return {
          ok: false,
          reason: `The policy asks for ${ctx.approvalsRequired} approval${ctx.approvalsRequired === 1 ? "" : "s"} on the current evidence, and this version has ${ctx.approvalsOnCurrentEvidence}. It cannot go live yet.`,
        };
      }
      return { ok: true, to: "live" };
    case "rollback":
      if (!ctx.wasApproved) return { ok: false, reason: "This version was never approved, so it cannot be made live again." };
      return { ok: true, to: "live" };
    case "back_to_draft":
      if (ctx.role !== "owner" && ctx.role !== "analyst") return { ok: false, reason: "Only analysts and owners may move a version back to draft." };
      return { ok: true, to: "draft" };
  }
}

/**
 * The state after the evidence changed under a submission: an approval on earlier evidence stops counting, so an
 * approved version goes back to review. Other states keep their state (a live version stays live).
 */
export function stateAfterEvidenceChange(state: VersionState, approvalsOnCurrentEvidence: number, approvalsRequired: number): VersionState {
  if (state === "approved" && approvalsOnCurrentEvidence < approvalsRequired) return "in_review";
  return state;
}

/** The actions the person in `ctx` may take now (for showing only the buttons that work). */
export function allowedActions(state: VersionState, ctx: LifecycleContext): LifecycleAction[] {
  return LIFECYCLE_ACTIONS.filter((action) => decide(state, action, ctx).ok);
}
