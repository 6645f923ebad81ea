"use client";

import "./globals.css";
import { ErrorView } from "@/components/error-view";

/** The last resort, when the root layout itself failed: it brings its own <html> and <body>. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <ErrorView error={error} reset={reset} standalone />
      </body>
    </html>
  );
}
