// What running this version's model costs: the file's size and the server's time, measured when it was added, with a
// way to time it in the reader's own browser (the what-if page).
import Link from "next/link";
import type { VersionRunCostView } from "@/lib/contracts/run-cost";
import { RUN_COST_WORDS, modelFileSentence, serverCostSentences } from "@/lib/narrative";
import { serverCostWords } from "@/lib/what-if/running-cost";
import { Card } from "@/components/ui/card";

export function RunCostCard({ view }: { view: VersionRunCostView }) {
  return (
    <Card>
      <h3 className="text-base font-semibold">{RUN_COST_WORDS.heading}</h3>
      <div className="mt-2 space-y-1 text-sm text-slate-800" data-testid="version-run-cost" data-one-row-ms={view.server?.oneRowMs} data-batch-rows={view.server?.batchRows} data-batch-ms={view.server?.batchMs}>
        <p>{modelFileSentence(view.fileBytes)}</p>
        {serverCostSentences(serverCostWords(view.server)).map((s) => (
          <p key={s}>{s}</p>
        ))}
      </div>
      <p className="mt-2 text-sm">
        <Link href={`/models/${view.modelId}/what-if?version=${view.version}`} className="text-sky-800 hover:underline">
          {RUN_COST_WORDS.tryInBrowser}
        </Link>
      </p>
    </Card>
  );
}
