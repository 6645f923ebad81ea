// The slice picked on the fairness page, in the URL (next to the window of ./view-params):
//   ?slice=<slice name>        any sliced column ("sex", "hour", or an intersection "sex × race")
//   ?a=<attribute>&b=<attribute>  two sensitive attributes together (their intersection)
// Anything malformed or unknown is ignored (the default slice), never an error.
import { z } from "zod";

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const name = z.preprocess(first, z.string().trim().min(1).max(200).optional()).catch(undefined);

export const sliceParamsSchema = z.object({ slice: name, a: name, b: name });

export interface SliceParams {
  slice?: string;
  a?: string;
  b?: string;
}

export function parseSliceParams(searchParams: Record<string, string | string[] | undefined> | undefined | null): SliceParams {
  const raw = searchParams ?? {};
  const parsed = sliceParamsSchema.parse({ slice: raw.slice, a: raw.a, b: raw.b });
  return {
    ...(parsed.slice ? { slice: parsed.slice } : {}),
    ...(parsed.a ? { a: parsed.a } : {}),
    ...(parsed.b ? { b: parsed.b } : {}),
  };
}

interface Sliceable {
  name: string;
  columns: string[];
  kind: "sensitive" | "intersection" | "other";
}

/**
 * The slice a page shows: two different attributes `a` and `b` pick their intersection (in either order); else
 * `slice` by name; else the first sensitive column, else the first column. Returns the slice's name, or null when
 * there is none; `asked` is false when the URL asked for a slice that is not stored.
 */
export function pickSlice(columns: readonly Sliceable[], params: SliceParams): { name: string | null; asked: boolean } {
  const fallback = columns.find((c) => c.kind === "sensitive") ?? columns[0] ?? null;
  if (params.a && params.b) {
    if (params.a === params.b) {
      const single = columns.find((c) => c.kind === "sensitive" && c.columns.length === 1 && c.columns[0] === params.a);
      return single ? { name: single.name, asked: true } : { name: fallback?.name ?? null, asked: false };
    }
    const pair = columns.find((c) => c.kind === "intersection" && c.columns.length === 2 && c.columns.includes(params.a as string) && c.columns.includes(params.b as string));
    return pair ? { name: pair.name, asked: true } : { name: fallback?.name ?? null, asked: false };
  }
  if (params.slice) {
    const named = columns.find((c) => c.name === params.slice);
    return named ? { name: named.name, asked: true } : { name: fallback?.name ?? null, asked: false };
  }
  return { name: fallback?.name ?? null, asked: true };
}
