// Every model page shares this header (name, purpose, light, live version) and the sub-navigation.
import { ModelHeader } from "@/components/model/model-header";
import { guard } from "@/lib/auth/guard";
import { getModelView } from "@/lib/db/model-views";

export default async function ModelLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  const { id } = await params;
  const model = await guard(() => getModelView(id));
  return (
    <>
      <ModelHeader model={model} />
      {children}
    </>
  );
}
