// The view of a model's pages that lives in the URL, so a copied link shows the same view:
//   ?window=<window id>   the period shown (default: the latest)
//   &compare=reference|previous   what it is compared with (default: the reference data)
// Shared by every page under /models/[id]. Anything malformed is ignored (the default view), never an error.
import { z } from "zod";
import type { WindowSummary } from "./model-health";

export const COMPARE_CHOICES = ["reference", "previous"] as const;
export type CompareWith = (typeof COMPARE_CHOICES)[number];

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

export const viewParamsSchema = z.object({
  window: z.preprocess(first, z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional()).catch(undefined),
  compare: z.preprocess(first, z.enum(COMPARE_CHOICES).optional()).catch(undefined),
});

export interface ViewParams {
  /** a window id; undefined: the latest */
  window?: string;
  /** undefined: the reference */
  compare?: CompareWith;
}

/** Parses Next's `searchParams` (awaited) into the view; what does not parse is dropped. */
export function parseViewParams(searchParams: Record<string, string | string[] | undefined> | URLSearchParams | undefined | null): ViewParams {
  const raw = searchParams instanceof URLSearchParams ? Object.fromEntries(searchParams.entries()) : (searchParams ?? {});
  const parsed = viewParamsSchema.parse({ window: raw.window, compare: raw.compare });
  return {
    ...(parsed.window ? { window: parsed.window } : {}),
    ...(parsed.compare ? { compare: parsed.compare } : {}),
  };
}

/** The query string of a view ("" for the default view), with a leading "?" when not empty. */
export function viewQuery(view: ViewParams): string {
  const q = new URLSearchParams();
  if (view.window) q.set("window", view.window);
  if (view.compare && view.compare !== "reference") q.set("compare", view.compare);
  const s = q.toString();
  return s ? `?${s}` : "";
}

/** `path` with the view's query. */
export function viewHref(path: string, view: ViewParams): string {
  return `${path}${viewQuery(view)}`;
}

export interface ResolvedView {
  /** the window shown: the one asked for, else the latest production window, else the reference */
  current: WindowSummary | null;
  /** what it is compared with; null when there is none (the reference itself, or no previous window) */
  comparison: WindowSummary | null;
  compare: CompareWith;
  /** true when the URL named a window this model's shown version does not have (the latest is shown instead) */
  unknownWindow: boolean;
  /** the view as it should appear in links (what was asked for and exists) */
  params: ViewParams;
}

/**
 * Picks the windows a page shows. `windows` as ModelHealth lists them: references first, then production windows
 * oldest first.
 */
export function resolveView(windows: readonly WindowSummary[], view: ViewParams): ResolvedView {
  const production = windows.filter((w) => !w.isReference);
  const reference = windows.find((w) => w.isReference) ?? null;
  const latest = production[production.length - 1] ?? reference;
  const asked = view.window ? windows.find((w) => w.windowId === view.window) : undefined;
  const current = asked ?? latest ?? null;
  const compare = view.compare ?? "reference";
  let comparison: WindowSummary | null = null;
  if (current && !current.isReference) {
    if (compare === "reference") comparison = reference;
    else {
      const at = production.indexOf(current);
      comparison = at > 0 ? (production[at - 1] ?? null) : null;
    }
  }
  const params: ViewParams = {
    ...(asked ? { window: asked.windowId } : {}),
    ...(compare !== "reference" ? { compare } : {}),
  };
  return { current, comparison, compare, unknownWindow: Boolean(view.window) && !asked, params };
}
