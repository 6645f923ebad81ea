import type { Light } from "@/lib/contracts/snapshot-types";

export const LIGHT_TEXT: Record<Light, string> = {
  green: "Healthy",
  amber: "Check",
  red: "Action needed",
  gray: "Not judged",
};

const DOT: Record<Light, string> = {
  green: "bg-emerald-500",
  amber: "bg-amber-400",
  red: "bg-red-600",
  gray: "bg-slate-400",
};

const PILL: Record<Light, string> = {
  green: "bg-emerald-50 text-emerald-900 ring-emerald-200",
  amber: "bg-amber-50 text-amber-900 ring-amber-200",
  red: "bg-red-50 text-red-900 ring-red-200",
  gray: "bg-slate-100 text-slate-700 ring-slate-200",
};

export function TrafficLight({ light, label }: { light: Light; label?: string }) {
  return (
    <span data-light={light} className={`inline-flex shrink-0 items-center gap-1.5 whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ${PILL[light]}`}>
      <span aria-hidden className={`h-2 w-2 rounded-full ${DOT[light]}`} />
      {label ?? LIGHT_TEXT[light]}
    </span>
  );
}
