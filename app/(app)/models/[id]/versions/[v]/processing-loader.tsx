// The version page's "Processing" section: loads the version's declared processing (lib/db authorizes) and renders it.
import { ProcessingSection } from "@/components/versions/processing-section";
import { guard } from "@/lib/auth/guard";
import { getVersionProcessing } from "@/lib/db/processing-read";

export async function ProcessingLoader({ modelId, version }: { modelId: string; version: number }) {
  const view = await guard(() => getVersionProcessing(modelId, version));
  return <ProcessingSection modelId={modelId} version={version} view={view} />;
}
