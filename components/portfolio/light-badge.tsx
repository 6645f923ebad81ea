import type { Light } from "@/lib/contracts/snapshot-types";
import { LIGHT_WORDS } from "@/lib/narrative/portfolio-words";

const STYLE: Record<Light, { pill: string; icon: string }> = {
  green: { pill: "bg-emerald-50 text-emerald-900 ring-emerald-300", icon: "text-emerald-700" },
  amber: { pill: "bg-amber-50 text-amber-900 ring-amber-300", icon: "text-amber-700" },
  red: { pill: "bg-red-50 text-red-900 ring-red-300", icon: "text-red-700" },
  gray: { pill: "bg-slate-100 text-slate-800 ring-slate-300", icon: "text-slate-600" },
};

/** A distinct shape per light, so it reads without colour: a tick, a warning triangle, a stop sign, a dash. */
function LightIcon({ light, className }: { light: Light; className: string }) {
  const common = { "aria-hidden": true, viewBox: "0 0 20 20", className: `h-4 w-4 shrink-0 ${className}` } as const;
  switch (light) {
    case "green":
      return (
        <svg {...common} fill="currentColor">
          <path fillRule="evenodd" d="M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm3.7-9.3a1 1 0 0 0-1.4-1.4L9 10.6 7.7 9.3a1 1 0 0 0-1.4 1.4l2 2a1 1 0 0 0 1.4 0l4-4Z" clipRule="evenodd" />
        </svg>
      );
    case "amber":
      return (
        <svg {...common} fill="currentColor">
          <path fillRule="evenodd" d="M8.3 2.9a2 2 0 0 1 3.4 0l6.1 10.6A2 2 0 0 1 16.1 16.5H3.9a2 2 0 0 1-1.7-3L8.3 2.9ZM10 6.5a1 1 0 0 1 1 1v3a1 1 0 1 1-2 0v-3a1 1 0 0 1 1-1Zm0 8a1.1 1.1 0 1 0 0-2.2 1.1 1.1 0 0 0 0 2.2Z" clipRule="evenodd" />
        </svg>
      );
    case "red":
      return (
        <svg {...common} fill="currentColor">
          <path fillRule="evenodd" d="M6.7 2h6.6L18 6.7v6.6L13.3 18H6.7L2 13.3V6.7L6.7 2Zm1.6 4.9a1 1 0 0 0-1.4 1.4L8.6 10l-1.7 1.7a1 1 0 1 0 1.4 1.4l1.7-1.7 1.7 1.7a1 1 0 0 0 1.4-1.4L11.4 10l1.7-1.7a1 1 0 0 0-1.4-1.4L10 8.6 8.3 6.9Z" clipRule="evenodd" />
        </svg>
      );
    case "gray":
      return (
        <svg {...common} fill="currentColor">
          <path fillRule="evenodd" d="M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16ZM6 9a1 1 0 0 0 0 2h8a1 1 0 1 0 0-2H6Z" clipRule="evenodd" />
        </svg>
      );
  }
}

/** The model's light by colour, shape and word. */
export function LightBadge({ light }: { light: Light }) {
  const style = STYLE[light];
  return (
    <span data-light={light} className={`inline-flex shrink-0 items-center gap-1.5 whitespace-nowrap rounded-full px-2.5 py-1 text-sm font-medium ring-1 ${style.pill}`}>
      <LightIcon light={light} className={style.icon} />
      {LIGHT_WORDS[light]}
    </span>
  );
}
