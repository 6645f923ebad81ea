// What running a version's model costs, read for the version page: the file's size and the server's figure measured
// at upload (lib/onnx/run-cost.ts). Any member may read it.
import "server-only";
import { requirePermission } from "@/lib/auth/current-user";
import { notFound } from "@/lib/auth/errors";
import { storedRunCost, type VersionRunCostView } from "@/lib/contracts/run-cost";
import { getDb } from "@/lib/prisma/client";
import { artifactSize } from "@/lib/storage/artifacts";
import { versionWhere } from "./version-params";

export async function getVersionRunCost(modelId: string, version: unknown): Promise<VersionRunCostView> {
  const user = await requirePermission("model.read", "see models");
  const db = await getDb();
  const row = await db.modelVersion.findFirst({ where: versionWhere(user.workspaceId, modelId, version), select: { version: true, modelId: true, artifactSha256: true, runCost: true } });
  if (!row) throw notFound("That model version");
  return { modelId: row.modelId, version: row.version, fileBytes: artifactSize(row.artifactSha256, ".onnx"), server: storedRunCost(row.runCost) };
}
