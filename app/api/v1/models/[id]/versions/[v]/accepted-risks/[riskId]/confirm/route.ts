import { handleApi } from "@/lib/api/route";
import { confirmAcceptedRisk, getAcceptedRisksPanel } from "@/lib/db/accepted-risks";

/** A reviewer (or an owner who did not propose it) confirms a proposed acceptance; the answer is the acceptance. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string; v: string; riskId: string }> }): Promise<Response> {
  const { id, v, riskId } = await params;
  return handleApi(request, async () => {
    await confirmAcceptedRisk(riskId);
    const panel = await getAcceptedRisksPanel(id, v);
    const risk = panel.risks.find((r) => r.id === riskId);
    return Response.json(risk ?? { id: riskId }, { headers: { "Cache-Control": "no-store" } });
  });
}
