// `npm run audit:verify [-- --workspace "Name"]`: recomputes every workspace's audit chain and compares it with the
// latest signed checkpoint of its head (README "Audit log format").
// Exit 0 when all are intact, 1 when one is broken or contradicts a checkpoint (the first problem is printed).
import { describeCheckpointStatus } from "@/lib/db/audit-checkpoints";
import { verifyWorkspaceLog } from "@/lib/db/audit";
import { closeDb, getDb } from "@/lib/prisma/client";
import { DatabaseBusyError } from "@/lib/prisma/connect";
import { fail, loadEnvFile, parseFlags } from "./env";

async function main(): Promise<void> {
  loadEnvFile();
  const only = parseFlags(process.argv.slice(2)).get("workspace");
  let broken = 0;
  try {
    const db = await getDb();
    const workspaces = await db.workspace.findMany({
      where: typeof only === "string" ? { name: only } : {},
      orderBy: { createdAt: "asc" },
      select: { id: true, name: true },
    });
    if (workspaces.length === 0) fail(typeof only === "string" ? `No workspace is named "${only}".` : "The database has no workspaces yet.");
    for (const ws of workspaces) {
      const { chain: verdict, checkpoint } = await verifyWorkspaceLog(db, ws.id);
      if (!verdict.ok) {
        broken++;
        console.log(`BROKEN  ${ws.name}: first broken seq ${verdict.brokenSeq} (${verdict.problem}). ${verdict.message}`);
      } else if (checkpoint.state === "tampered") {
        broken++;
        console.log(`BROKEN  ${ws.name}: the chain is consistent but contradicts its signed checkpoint (${checkpoint.problem}). ${checkpoint.message}`);
      } else {
        console.log(`OK      ${ws.name}: ${verdict.events} events, head ${verdict.headHash}`);
      }
      if (checkpoint.state !== "tampered") console.log(`        checkpoint: ${describeCheckpointStatus(checkpoint)}`);
    }
  } catch (error) {
    if (error instanceof DatabaseBusyError) fail(error.message);
    throw error;
  } finally {
    await closeDb();
  }
  process.exitCode = broken ? 1 : 0;
}

await main();
