// Plain-language descriptions of audit actions for the audit page.
import type { JsonValue } from "./audit-chain";

type Payload = { [key: string]: JsonValue };

const str = (p: Payload, key: string): string => {
  const v = p[key];
  return typeof v === "string" ? v : "";
};

const num = (p: Payload, key: string): string => {
  const v = p[key];
  return typeof v === "number" ? v.toLocaleString("en-US") : "?";
};

const list = (p: Payload, key: string): string => {
  const v = p[key];
  if (!Array.isArray(v)) return "";
  return v.length <= 3 ? v.join(", ") : `${v.length} periods`;
};

const ENDED: Record<string, string> = {
  expired: "it reached its end date",
  evidence_changed: "the result for that check changed",
  policy_changed: "the policy changed",
};

const DESCRIBE: Record<string, (p: Payload) => string> = {
  "workspace.created": (p) => `Workspace "${str(p, "name")}" was created`,
  "member.added": (p) => `${str(p, "email")} was added as ${str(p, "role")}`,
  "member.invited": (p) => `${str(p, "email")} was invited as ${str(p, "role")}`,
  "member.invitation_revoked": (p) => `The invitation for ${str(p, "email")} was cancelled`,
  "member.joined": (p) => `${str(p, "email")} joined as ${str(p, "role")}`,
  "member.role_changed": (p) => `${str(p, "email")} changed from ${str(p, "from")} to ${str(p, "to")}`,
  "member.removed": (p) => `${str(p, "email")} was removed (was ${str(p, "role")})`,
  "user.password_changed": () => "Changed their password",
  "model.created": (p) => `Model "${str(p, "name")}" was created`,
  "version.uploaded": (p) => `Version ${num(p, "version")} (${str(p, "file")}) was uploaded`,
  "version.inputs_changed": (p) => `The columns that feed version ${num(p, "version")} were changed`,
  "version.processing_changed": (p) => `The processing of version ${num(p, "version")} was changed`,
  "version.submitted": (p) => `Version ${num(p, "version")} was sent for review${str(p, "via") ? `. It came ${str(p, "via")}` : ""}`,
  "version.withdrawn": (p) => `Version ${num(p, "version")} was taken back from review`,
  "version.approved": (p) => `A reviewer said yes to version ${num(p, "version")}`,
  "version.changes_requested": (p) => `A reviewer asked for changes to version ${num(p, "version")}`,
  "version.rejected": (p) => `A reviewer said no to version ${num(p, "version")}`,
  "version.made_live": (p) => `Version ${num(p, "version")} went live`,
  "version.retired": (p) => `Version ${num(p, "version")} was put out of use${typeof p.replacedBy === "number" ? ` for version ${num(p, "replacedBy")}` : ""}`,
  "version.rolled_back": (p) => `Version ${num(p, "version")} went live again in a roll back`,
  "version.back_to_draft": (p) => `Version ${num(p, "version")} went back to draft`,
  "version.evidence_changed": (p) => `The evidence for version ${num(p, "version")} changed, so its old yes votes no longer count`,
  "version.marked_live": (p) => `Version ${num(p, "version")} was marked live${str(p, "reason") ? `: ${str(p, "reason")}` : ""}`,
  "data.reference_uploaded": (p) =>
    `Reference data ${str(p, "file")} was uploaded (${num(p, "rows")} rows)${list(p, "rejudgedWindows") ? `. It replaces the earlier reference data, and ${list(p, "rejudgedWindows")} were judged against it again` : ""}`,
  "data.window_uploaded": (p) => `New data ${str(p, "file")} was uploaded (${num(p, "rows")} rows, ${list(p, "windows")})`,
  "data.labels_uploaded": (p) => `Late outcomes ${str(p, "file")} were added to ${num(p, "matchedRows")} rows`,
  "policy.changed": (p) => `The policy changed to version ${num(p, "version")}${str(p, "reason") ? `: ${str(p, "reason")}` : ""}`,
  "model.reevaluated": () => "Asked for every stored period to be evaluated again",
  "model.rejudged": (p) => `Every stored period was judged again (${str(p, "reason")}; ${num(p, "snapshots")} new results)`,
  "member.signed_out_everywhere": (p) => `${str(p, "email") || "A member"} was signed out everywhere`,
  "user.signed_out_everywhere": () => "Signed out everywhere",
  "api_token.created": (p) => `API token "${str(p, "name")}" was created`,
  "api_token.revoked": (p) => `API token "${str(p, "name")}" was revoked`,
  "webhook.added": (p) => `A webhook to ${str(p, "url")} was added`,
  "webhook.removed": (p) => `The webhook to ${str(p, "url")} was removed`,
  "accepted_risk.proposed": (p) => `An owner proposed to accept ${str(p, "checkKind").replace("_", " ")} ${str(p, "checkKey")} of version ${num(p, "version")} until ${str(p, "expiresAt").slice(0, 10)}: ${str(p, "reason")}`,
  "accepted_risk.confirmed": (p) => `A reviewer confirmed the accepted risk on ${str(p, "checkKind").replace("_", " ")} ${str(p, "checkKey")} of version ${num(p, "version")}`,
  "accepted_risk.withdrawn": (p) => `An owner withdrew the accepted risk on ${str(p, "checkKind").replace("_", " ")} ${str(p, "checkKey")} of version ${num(p, "version")}`,
  "accepted_risk.ended": (p) => `The accepted risk on ${str(p, "checkKind").replace("_", " ")} ${str(p, "checkKey")} of version ${num(p, "version")} ended (${ENDED[str(p, "reason")] ?? str(p, "reason")})`,
};

/** Every action the log knows how to describe, for the audit page's filter. */
export const AUDIT_ACTION_NAMES: readonly string[] = Object.keys(DESCRIBE).sort();

export function describeAuditAction(action: string, payload: JsonValue): string {
  const describe = DESCRIBE[action];
  const p = payload && typeof payload === "object" && !Array.isArray(payload) ? payload : {};
  return describe ? describe(p) : action;
}
