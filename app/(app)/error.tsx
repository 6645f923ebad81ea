"use client";

import { ErrorView } from "@/components/error-view";

/** An error of a signed-in page: the app bar stays, so the reader can go elsewhere. */
export default function SignedInError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorView error={error} reset={reset} standalone={false} />;
}
