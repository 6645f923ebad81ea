// Warm child process that scores a stored period's rows for people who check the model's answers by hand
// (scored-rows-work.ts): a sample for the performance page, or a CSV of every row written batch by batch. It never
// opens the database; the server (untrusted-scoring.ts) stops it at its deadline or past its memory cap.
import { serveRequests } from "./child-process";
import { scoreSample, writeScoredCsv, type ScoredRowsAnswer, type ScoredRowsProgress, type ScoredRowsRequest } from "./scored-rows-work";

serveRequests<ScoredRowsRequest, ScoredRowsProgress, ScoredRowsAnswer>(
  async (request, progress): Promise<ScoredRowsAnswer> => {
    if (request.kind === "sample") return { ok: true, kind: "sample", sample: await scoreSample(request, request.size) };
    const done = await writeScoredCsv(request, request.outPath, progress, request.batchRows);
    return { ok: true, kind: "csv", ...done };
  },
  (error) => ({ ok: false, message: error instanceof Error ? error.message : String(error) }),
);
