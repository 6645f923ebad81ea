import type { Metadata } from "next";
import { ForbiddenRoles, type GuardedArea } from "@/components/forbidden-roles";
import { StatusPage } from "@/components/status-page";
import { PERMISSIONS } from "@/lib/auth/permissions";
import { STATUS_WORDS } from "@/lib/narrative/status-words";

export const metadata: Metadata = { title: "Not for your role" };

/** The pages a role can be refused, and the permission each needs (lib/auth/permissions). */
const AREAS: GuardedArea[] = [
  { pattern: "^/audit(/|$)", action: "open the audit log", roles: PERMISSIONS["audit.read"] },
  { pattern: "^/settings/members(/|$)", action: "add and remove people", roles: PERMISSIONS["members.manage"] },
  { pattern: "^/settings/tokens(/|$)", action: "hand out API tokens", roles: PERMISSIONS["tokens.manage"] },
  { pattern: "^/models/new(/|$)", action: "add a model", roles: PERMISSIONS["model.write"] },
  { pattern: "^/models/[^/]+/versions/[^/]+/review(/|$)", action: "sign off a version", roles: PERMISSIONS["version.review"] },
  { pattern: "^/models/[^/]+/policy/edit(/|$)", action: "change a model's rules", roles: PERMISSIONS["policy.edit"] },
];

export default function Forbidden() {
  return (
    <StatusPage code={403} title={STATUS_WORDS.forbiddenTitle}>
      <ForbiddenRoles areas={AREAS} />
    </StatusPage>
  );
}
