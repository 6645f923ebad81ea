// The version page's "Inputs" section: loads the version's input mapping (lib/db authorizes) and renders it.
import { InputMappingPanel } from "@/components/versions/input-mapping-panel";
import { guard } from "@/lib/auth/guard";
import { getVersionInputs } from "@/lib/db/versions";
import "@/lib/evaluation/register-jobs";

export async function InputMappingSection({ modelId, version }: { modelId: string; version: string }) {
  const view = await guard(() => getVersionInputs(modelId, version));
  return <InputMappingPanel view={view} />;
}
