// `npm run audit:verify [-- --workspace "Name"]`: recomputes every workspace's audit chain.
// Exit 0 when all are intact, 1 when one is broken (its first broken entry is printed).
import { verifyWorkspaceChain } from "@/lib/db/audit";
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
      const verdict = await verifyWorkspaceChain(db, ws.id);
      if (verdict.ok) {
        console.log(`OK      ${ws.name}: ${verdict.events} events, head ${verdict.headHash}`);
      } else {
        broken++;
        console.log(`BROKEN  ${ws.name}: first broken seq ${verdict.brokenSeq} (${verdict.problem}). ${verdict.message}`);
      }
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
