import type { Metadata } from "next";
import { z } from "zod";
import { WhatIfExplorer } from "@/components/what-if/what-if-explorer";
import { guard } from "@/lib/auth/guard";
import { getWhatIfSetup } from "@/lib/db/what-if";
import { modelPageTitle } from "@/lib/narrative/model-page-words";
import { WHATIF_WORDS } from "@/lib/narrative/what-if-words";

// `threads` asks the in-browser runtime for that many WASM threads (the benchmark's one-thread run).
const searchSchema = z.object({
  version: z.string().regex(/^\d{1,7}$/).optional().catch(undefined),
  threads: z.coerce.number().int().min(1).max(64).optional().catch(undefined),
});

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  try {
    const setup = await getWhatIfSetup(id);
    return { title: modelPageTitle(setup.modelName, "What-if") };
  } catch {
    return { title: "What-if" };
  }
}

export default async function WhatIfPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const { version, threads } = searchSchema.parse(await searchParams);
  const setup = await guard(() => getWhatIfSetup(id, version));
  return (
    <>
      {/* The model's name, light and sub-navigation come from the shared layout (../layout.tsx). */}
      <div className="mb-4">
        <h2 className="text-lg font-semibold text-slate-900">{WHATIF_WORDS.title}</h2>
        <p className="mt-1 max-w-2xl text-slate-600">{WHATIF_WORDS.lead}</p>
        <p className="mt-1 text-sm text-slate-600">{`Version ${setup.version}.`}</p>
      </div>
      <WhatIfExplorer setup={setup} threads={threads} />
    </>
  );
}
