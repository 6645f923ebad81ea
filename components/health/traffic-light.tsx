import type { Light } from "@/lib/contracts/snapshot-types";

export const LIGHT_TEXT: Record<Light, string> = {
  green: "Healthy",
  amber: "Check",
  red: "Action needed",
  gray: "Not judged",
};

// The light by colour, icon and word: nobody needs to tell colours apart.
const DOT: Record<Light, string> = {
  green: "bg-emerald-700",
  amber: "bg-amber-700",
  red: "bg-red-700",
  gray: "bg-slate-600",
};

const PILL: Record<Light, string> = {
  green: "bg-emerald-50 text-emerald-900 ring-emerald-200",
  amber: "bg-amber-50 text-amber-900 ring-amber-200",
  red: "bg-red-50 text-red-900 ring-red-200",
  gray: "bg-slate-100 text-slate-700 ring-slate-200",
};

/** A tick (healthy), an exclamation mark (check), a cross (action needed), a dash (not judged), in white on the dot
 * (text-white: the dark theme swaps it with the dot's colour, so the glyph keeps its contrast). */
function Glyph({ light }: { light: Light }) {
  const stroke = { stroke: "currentColor", strokeWidth: 1.8, strokeLinecap: "round" as const, strokeLinejoin: "round" as const, fill: "none" };
  return (
    <svg viewBox="0 0 12 12" className="h-full w-full text-white" aria-hidden focusable="false">
      {light === "green" ? <path d="M3.2 6.2 5.1 8 8.8 4.2" {...stroke} /> : null}
      {light === "amber" ? (
        <>
          <path d="M6 3v3.6" {...stroke} />
          <circle cx="6" cy="8.7" r="0.9" fill="currentColor" />
        </>
      ) : null}
      {light === "red" ? <path d="M4 4l4 4M8 4l-4 4" {...stroke} /> : null}
      {light === "gray" ? <path d="M3.8 6h4.4" {...stroke} /> : null}
    </svg>
  );
}

export function TrafficLight({ light, label, size = "sm" }: { light: Light; label?: string; size?: "sm" | "md" }) {
  const md = size === "md";
  return (
    <span
      data-light={light}
      className={`inline-flex shrink-0 items-center whitespace-nowrap rounded-full font-medium ring-1 ${md ? "gap-2 px-3 py-1 text-sm" : "gap-1.5 px-2.5 py-0.5 text-xs"} ${PILL[light]}`}
    >
      <span aria-hidden className={`inline-block rounded-full ${md ? "h-4 w-4" : "h-3 w-3"} ${DOT[light]}`}>
        <Glyph light={light} />
      </span>
      {label ?? LIGHT_TEXT[light]}
    </span>
  );
}
