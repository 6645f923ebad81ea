import { STATUS_WORDS } from "@/lib/narrative/status-words";

/** The first stop of the Tab key: jumps past the app bar to the page's content (#main). */
export function SkipLink() {
  return (
    <a
      href="#main"
      data-testid="skip-link"
      className="sr-only z-50 rounded-md bg-white px-4 py-2 font-medium text-sky-800 shadow-lg focus:not-sr-only focus:absolute focus:left-4 focus:top-3"
    >
      {STATUS_WORDS.skipLink}
    </a>
  );
}
