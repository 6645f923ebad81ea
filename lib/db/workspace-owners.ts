// Who can change a model's policy: the names of the signed-in user's workspace owners, so a page can tell a
// reviewer, analyst or viewer whom to ask. Names only; e-mail addresses stay on the members page.
import "server-only";
import { requirePermission } from "@/lib/auth/current-user";
import { getDb } from "@/lib/prisma/client";

export async function listOwnerNames(): Promise<string[]> {
  const user = await requirePermission("model.read", "see models");
  const db = await getDb();
  const owners = await db.membership.findMany({
    where: { workspaceId: user.workspaceId, role: "owner" },
    orderBy: { createdAt: "asc" },
    select: { user: { select: { name: true } } },
    take: 5,
  });
  return owners.map((o) => o.user.name).filter((n) => n.trim().length > 0);
}
