import { HttpError, handleApi, jsonBody } from "@/lib/api/route";
import { getAcceptedRisksPanel, proposeAcceptedRisk, proposeAcceptedRiskInput } from "@/lib/db/accepted-risks";

const NO_STORE = { "Cache-Control": "no-store" } as const;

/** The red and amber checks of the version's latest result and every acceptance, with where each stands. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string; v: string }> }): Promise<Response> {
  const { id, v } = await params;
  return handleApi(request, async () => {
    const panel = await getAcceptedRisksPanel(id, v);
    return Response.json({ modelId: panel.modelId, version: panel.version, windowLabel: panel.windowLabel, checks: panel.checks, acceptedRisks: panel.risks }, { headers: NO_STORE });
  });
}

/**
 * An owner proposes to accept one red or amber check (a reviewer then confirms it). `expiresAt` is a date (the end of
 * that day, UTC, as in the app's form) or an ISO 8601 time with its offset (that moment).
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string; v: string }> }): Promise<Response> {
  const { id, v } = await params;
  return handleApi(request, async () => {
    const json = await jsonBody(
      request,
      () => new HttpError(400, "invalid_request", 'The body must be JSON, such as {"checkKind": "drift_column", "checkKey": "age", "reason": "...", "expiresAt": "2027-01-31"}.'),
    );
    const input = proposeAcceptedRiskInput.strict().parse(json);
    const created = await proposeAcceptedRisk(id, v, { ...input, expiresAt: input.expiresAt.toISOString() });
    const panel = await getAcceptedRisksPanel(id, v);
    return Response.json(panel.risks.find((r) => r.id === created.id) ?? created, { status: 201, headers: NO_STORE });
  });
}
