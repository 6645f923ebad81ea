// The lifecycle table: every (state, action) pair, allowed or refused with a reason; then who may take each action,
// and the rules on submitters, repeated reviews, the number of approvals, rollbacks, tokens and changed evidence.
import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/auth/permissions";
import {
  LIFECYCLE_ACTIONS,
  VERSION_STATES,
  allowedActions,
  decide,
  stateAfterEvidenceChange,
  type LifecycleAction,
  type LifecycleContext,
  type VersionState,
} from "@/lib/governance/lifecycle";

const SUBMITTER = "user-analyst";
const OTHER = "user-other";

/** The role that may take each action, in a context where every other rule is met. */
const ACTOR_ROLE: Record<LifecycleAction, Role> = {
  submit: "analyst",
  withdraw: "analyst",
  approve: "reviewer",
  request_changes: "reviewer",
  reject: "reviewer",
  make_live: "owner",
  rollback: "owner",
  back_to_draft: "analyst",
};

function ctx(action: LifecycleAction, over: Partial<LifecycleContext> = {}): LifecycleContext {
  const reviewing = action === "approve" || action === "request_changes" || action === "reject";
  return {
    actorId: reviewing ? OTHER : SUBMITTER,
    role: ACTOR_ROLE[action],
    submitterId: SUBMITTER,
    reviewedOnCurrentEvidence: [],
    approvalsOnCurrentEvidence: action === "make_live" ? 1 : 0,
    approvalsRequired: 1,
    wasApproved: true,
    ...over,
  };
}

type Outcome = VersionState | "refused";
const R = "refused" as const;

// Rows: states; columns: actions in LIFECYCLE_ACTIONS order
// (submit, withdraw, approve, request_changes, reject, make_live, rollback, back_to_draft).
const TABLE: Record<VersionState, readonly Outcome[]> = {
  draft: ["in_review", R, R, R, R, R, R, R],
  in_review: [R, "draft", "approved", "changes_requested", "rejected", R, R, R],
  approved: [R, R, R, R, R, "live", R, R],
  changes_requested: [R, R, R, R, R, R, R, "draft"],
  rejected: [R, R, R, R, R, R, R, R],
  live: [R, R, R, R, R, R, R, R],
  retired: [R, R, R, R, R, R, "live", R],
};

describe("every state and action", () => {
  it("covers all 56 pairs", () => {
    expect(Object.keys(TABLE).sort()).toEqual([...VERSION_STATES].sort());
    for (const row of Object.values(TABLE)) expect(row).toHaveLength(LIFECYCLE_ACTIONS.length);
  });

  const pairs = VERSION_STATES.flatMap((state) => LIFECYCLE_ACTIONS.map((action, i) => ({ state, action, expected: TABLE[state][i]! })));
  it.each(pairs)("$state + $action -> $expected", ({ state, action, expected }) => {
    const result = decide(state, action, ctx(action));
    if (expected === R) {
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.reason).toMatch(/^[A-Z].*\.$/);
        expect(result.reason.length).toBeGreaterThan(20);
      }
    } else {
      expect(result).toEqual({ ok: true, to: expected });
    }
  });

  it("names the way forward for the common mistakes", () => {
    expect(decide("changes_requested", "submit", ctx("submit"))).toEqual({ ok: false, reason: expect.stringContaining("back to draft first") });
    expect(decide("retired", "make_live", ctx("make_live"))).toEqual({ ok: false, reason: expect.stringContaining("roll back") });
    expect(decide("live", "make_live", ctx("make_live"))).toEqual({ ok: false, reason: expect.stringContaining("already the live version") });
  });
});

const FROM: Record<LifecycleAction, VersionState> = {
  submit: "draft",
  withdraw: "in_review",
  approve: "in_review",
  request_changes: "in_review",
  reject: "in_review",
  make_live: "approved",
  rollback: "retired",
  back_to_draft: "changes_requested",
};

const MAY: Record<LifecycleAction, readonly Role[]> = {
  submit: ["owner", "analyst"],
  withdraw: ["owner", "analyst"],
  approve: ["owner", "reviewer"],
  request_changes: ["owner", "reviewer"],
  reject: ["owner", "reviewer"],
  make_live: ["owner"],
  rollback: ["owner"],
  back_to_draft: ["owner", "analyst"],
};

describe("who may take each action", () => {
  const cases = LIFECYCLE_ACTIONS.flatMap((action) =>
    (["owner", "reviewer", "analyst", "viewer"] as const).map((role) => ({ action, role, allowed: MAY[action].includes(role) })),
  );
  it.each(cases)("$role: $action allowed=$allowed", ({ action, role, allowed }) => {
    const result = decide(FROM[action], action, ctx(action, { role }));
    expect(result.ok).toBe(allowed);
    if (!result.ok) expect(result.reason).toMatch(/Only .* may|Only the person/);
  });
});

describe("rules beyond roles", () => {
  it("the submitter never reviews their own submission, whatever their role", () => {
    for (const action of ["approve", "request_changes", "reject"] as const) {
      const result = decide("in_review", action, ctx(action, { actorId: SUBMITTER, role: "owner" }));
      expect(result).toEqual({ ok: false, reason: "You submitted this version, so you cannot review it. Someone else must review it." });
    }
  });

  it("nobody reviews the same evidence twice", () => {
    const result = decide("in_review", "approve", ctx("approve", { reviewedOnCurrentEvidence: [OTHER] }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain("already reviewed this version on the same evidence");
    // Someone else who has not reviewed yet may.
    expect(decide("in_review", "approve", ctx("approve", { reviewedOnCurrentEvidence: ["someone-else"] })).ok).toBe(true);
  });

  it("stays in review until the policy's number of distinct approvals is met", () => {
    expect(decide("in_review", "approve", ctx("approve", { approvalsRequired: 2, approvalsOnCurrentEvidence: 0 }))).toEqual({ ok: true, to: "in_review" });
    expect(decide("in_review", "approve", ctx("approve", { approvalsRequired: 2, approvalsOnCurrentEvidence: 1 }))).toEqual({ ok: true, to: "approved" });
  });

  it("refuses to make a version live without enough approvals on the current evidence, owners included", () => {
    const result = decide("approved", "make_live", ctx("make_live", { approvalsRequired: 2, approvalsOnCurrentEvidence: 1 }));
    expect(result).toEqual({ ok: false, reason: "The policy asks for 2 approvals on the current evidence, and this version has 1. It cannot go live yet." });
    expect(decide("approved", "make_live", ctx("make_live", { approvalsOnCurrentEvidence: 0 })).ok).toBe(false);
  });

  it("with no approvals required, a submission is approved at once and may go live", () => {
    expect(decide("draft", "submit", ctx("submit", { approvalsRequired: 0 }))).toEqual({ ok: true, to: "approved" });
    expect(decide("approved", "make_live", ctx("make_live", { approvalsRequired: 0, approvalsOnCurrentEvidence: 0 }))).toEqual({ ok: true, to: "live" });
  });

  it("rolls back only to a version that was approved", () => {
    expect(decide("retired", "rollback", ctx("rollback", { wasApproved: false }))).toEqual({
      ok: false,
      reason: "This version was never approved, so it cannot be made live again.",
    });
  });

  it("lets only the submitter or an owner withdraw", () => {
    expect(decide("in_review", "withdraw", ctx("withdraw", { actorId: "another-analyst" }))).toEqual({
      ok: false,
      reason: "Only the person who submitted this version, or an owner, may withdraw it.",
    });
    expect(decide("in_review", "withdraw", ctx("withdraw", { actorId: "an-owner", role: "owner" }))).toEqual({ ok: true, to: "draft" });
  });

  it("lets an API token submit and nothing else", () => {
    expect(decide("draft", "submit", ctx("submit", { viaToken: true, role: "owner" }))).toEqual({ ok: true, to: "in_review" });
    for (const action of LIFECYCLE_ACTIONS.filter((a) => a !== "submit")) {
      const result = decide(FROM[action], action, ctx(action, { viaToken: true, role: "owner", actorId: "an-owner" }));
      expect(result.ok, action).toBe(false);
      if (!result.ok) expect(result.reason).toContain("An API token may only submit");
    }
  });

  it("lists only the actions that would work", () => {
    expect(allowedActions("in_review", ctx("approve"))).toEqual(["approve", "request_changes", "reject"]);
    expect(allowedActions("in_review", ctx("approve", { actorId: SUBMITTER }))).toEqual([]);
    expect(allowedActions("in_review", ctx("withdraw"))).toEqual(["withdraw"]);
    expect(allowedActions("approved", ctx("make_live", { role: "viewer" }))).toEqual([]);
  });
});

describe("changed evidence", () => {
  it.each([
    { state: "approved", approvals: 0, required: 1, after: "in_review" },
    { state: "approved", approvals: 1, required: 1, after: "approved" },
    { state: "approved", approvals: 0, required: 0, after: "approved" },
    { state: "in_review", approvals: 0, required: 1, after: "in_review" },
    { state: "live", approvals: 0, required: 1, after: "live" },
    { state: "changes_requested", approvals: 0, required: 1, after: "changes_requested" },
    { state: "rejected", approvals: 0, required: 1, after: "rejected" },
    { state: "retired", approvals: 0, required: 1, after: "retired" },
    { state: "draft", approvals: 0, required: 1, after: "draft" },
  ] as const)("$state with $approvals of $required approvals -> $after", ({ state, approvals, required, after }) => {
    expect(stateAfterEvidenceChange(state, approvals, required)).toBe(after);
  });
});
