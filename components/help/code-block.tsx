/** A block of code a reader copies: scrolls inside itself (reachable by keyboard) so the page never scrolls sideways. */
export function CodeBlock({ label, text }: { label: string; text: string }) {
  return (
    <figure className="mt-3">
      <figcaption className="text-xs font-medium text-slate-600">{label}</figcaption>
      <pre
        tabIndex={0}
        aria-label={label}
        className="mt-1 max-w-full overflow-x-auto rounded-md border border-slate-200 bg-slate-100 p-3 text-[13px] leading-relaxed text-slate-900"
      >
        <code>{text}</code>
      </pre>
    </figure>
  );
}
