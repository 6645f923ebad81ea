"use client";

import { STATUS_WORDS } from "@/lib/narrative/status-words";
import { StatusPage } from "./status-page";
import { Button } from "./ui/button";

/** What an error boundary shows: what happened, a way to try again, and the digest an administrator can look up. */
export function ErrorView({ error, reset, standalone }: { error: Error & { digest?: string }; reset: () => void; standalone: boolean }) {
  return (
    <StatusPage code={500} title={STATUS_WORDS.errorTitle} standalone={standalone} actions={<Button onClick={reset}>{STATUS_WORDS.tryAgain}</Button>}>
      <p>{STATUS_WORDS.error}</p>
      {error.digest ? (
        <p className="text-sm text-slate-600">
          {STATUS_WORDS.errorCode}: <code className="rounded bg-slate-100 px-1.5 py-0.5">{error.digest}</code>
        </p>
      ) : null}
    </StatusPage>
  );
}
