"use client";
// The model pages' sub-navigation. The current page is marked (aria-current); the window and comparison picked
// in the URL travel along, so every page shows the same period. Wraps on a phone (never scrolls sideways).
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { parseViewParams, viewHref } from "@/lib/contracts/view-params";

export const MODEL_PAGES = [
  { segment: "", label: "Overview" },
  { segment: "performance", label: "Performance" },
  { segment: "drift", label: "Drift" },
  { segment: "fairness", label: "Fairness" },
  { segment: "data-quality", label: "Data quality" },
  { segment: "versions", label: "Versions" },
  { segment: "policy", label: "Policy" },
  { segment: "what-if", label: "What-if" },
] as const;

export function ModelSubNav({ modelId }: { modelId: string }) {
  const pathname = usePathname();
  const search = useSearchParams();
  const view = parseViewParams(search);
  const base = `/models/${modelId}`;
  return (
    <nav aria-label="Model pages" className="mt-4 border-b border-slate-200" data-testid="model-sub-nav">
      <ul className="-mb-px flex flex-wrap gap-x-1 text-sm">
        {MODEL_PAGES.map((p) => {
          const href = p.segment ? `${base}/${p.segment}` : base;
          const current = p.segment ? pathname === href || pathname.startsWith(`${href}/`) : pathname === base;
          // Versions and policy are not about one period; the view stays off their links.
          const withView = p.segment === "versions" || p.segment === "policy" ? href : viewHref(href, view);
          return (
            <li key={p.segment || "overview"}>
              <Link
                href={withView}
                aria-current={current ? "page" : undefined}
                className={`inline-block border-b-2 px-2.5 py-2 font-medium ${current ? "border-sky-700 text-sky-900" : "border-transparent text-slate-700 hover:border-slate-300 hover:text-slate-900"}`}
              >
                {p.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
