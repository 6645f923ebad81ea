// GET /api/health: for load balancers and uptime checks. No sign-in; says whether the database answers and how
// many jobs wait. 200 when healthy, 503 when the database is unreachable.
import packageJson from "@/package.json";
import { readQueueCounts } from "@/lib/db/health";

export const dynamic = "force-dynamic";

const headers = { "Cache-Control": "no-store" };

export async function GET(): Promise<Response> {
  try {
    const queue = await readQueueCounts();
    return Response.json({ status: "ok", database: "reachable", queue, version: packageJson.version }, { headers });
  } catch (error) {
    console.error("Health check: the database is unreachable", error);
    return Response.json({ status: "error", database: "unreachable", version: packageJson.version }, { status: 503, headers });
  }
}
