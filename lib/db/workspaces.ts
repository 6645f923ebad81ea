// Switching workspaces: a person who belongs to several works in one at a time, chosen per browser (a cookie that
// requireUser() honours only where the person is a member now). Everything else reads the workspace from
// requireUser(), so nothing of the other workspace is visible after the switch.
import "server-only";
import { z } from "zod";
import { requireUser } from "@/lib/auth/current-user";
import { RuleError } from "@/lib/auth/errors";
import { WORKSPACE_COOKIE } from "@/lib/auth/workspace-cookie";

const workspaceIdSchema = z.string().trim().min(1, "Choose a workspace in the list.").max(64, "Choose a workspace in the list.");

/** Makes `workspaceId` this browser's workspace; refused unless the person is a member there. */
export async function switchWorkspace(workspaceId: unknown): Promise<{ workspaceName: string }> {
  const user = await requireUser();
  if (user.apiToken || !user.sessionId) throw new RuleError("Only a signed-in browser can switch workspaces; an API token belongs to one workspace.", 400);
  const parsed = workspaceIdSchema.safeParse(workspaceId);
  if (!parsed.success) throw new RuleError(parsed.error.issues[0]!.message, 400);
  const target = (user.workspaces ?? []).find((w) => w.id === parsed.data);
  if (!target) throw new RuleError("You are not a member of that workspace. Choose one from the list.", 400);
  const { cookies, headers } = await import("next/headers");
  const secure = ((await headers()).get("x-forwarded-proto") ?? "http").startsWith("https");
  (await cookies()).set(WORKSPACE_COOKIE, target.id, { httpOnly: true, sameSite: "lax", path: "/", secure, maxAge: 60 * 60 * 24 * 365 });
  return { workspaceName: target.name };
}
