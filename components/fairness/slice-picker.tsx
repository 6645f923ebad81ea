// Picks the slice the fairness page shows: any sliced column, or two sensitive attributes together. Plain GET
// forms (they work without JavaScript); the picked window and comparison travel along as hidden fields.
import type { ViewParams } from "@/lib/contracts/view-params";

interface Option {
  name: string;
  kind: "sensitive" | "intersection" | "other";
}

const GROUP_LABELS: Record<Option["kind"], string> = {
  sensitive: "Sensitive attributes",
  intersection: "Two sensitive attributes together",
  other: "Other columns",
};

function Hidden({ view }: { view: ViewParams }) {
  return (
    <>
      {view.window ? <input type="hidden" name="window" value={view.window} /> : null}
      {view.compare ? <input type="hidden" name="compare" value={view.compare} /> : null}
    </>
  );
}

const SELECT = "mt-1 block w-full min-w-0 rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm text-slate-900 sm:w-auto";
const BUTTON = "rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium text-slate-900 hover:bg-slate-100";

export function SlicePicker({ options, picked, sensitive, pair, view }: { options: Option[]; picked: string | null; sensitive: string[]; pair: [string, string] | null; view: ViewParams }) {
  const kinds = (["sensitive", "intersection", "other"] as const).filter((k) => options.some((o) => o.kind === k));
  return (
    <div className="flex flex-col gap-4 md:flex-row md:flex-wrap md:items-end md:gap-8" data-testid="slice-picker">
      <form method="get" className="flex min-w-0 flex-wrap items-end gap-2">
        <Hidden view={view} />
        <div className="min-w-0">
          <label htmlFor="slice-column" className="block text-sm font-medium text-slate-900">
            Split by
          </label>
          <select id="slice-column" name="slice" defaultValue={picked ?? undefined} className={SELECT}>
            {kinds.map((k) => (
              <optgroup key={k} label={GROUP_LABELS[k]}>
                {options
                  .filter((o) => o.kind === k)
                  .map((o) => (
                    <option key={o.name} value={o.name}>
                      {o.name}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </div>
        <button type="submit" className={BUTTON}>
          Show
        </button>
      </form>
      {sensitive.length >= 2 ? (
        <form method="get" className="flex min-w-0 flex-wrap items-end gap-2" aria-label="Two sensitive attributes together">
          <Hidden view={view} />
          <div className="min-w-0">
            <label htmlFor="slice-a" className="block text-sm font-medium text-slate-900">
              Or combine
            </label>
            <select id="slice-a" name="a" defaultValue={pair?.[0] ?? sensitive[0]} className={SELECT}>
              {sensitive.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </div>
          <div className="min-w-0">
            <label htmlFor="slice-b" className="block text-sm font-medium text-slate-900">
              with
            </label>
            <select id="slice-b" name="b" defaultValue={pair?.[1] ?? sensitive[1]} className={SELECT}>
              {sensitive.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className={BUTTON}>
            Show together
          </button>
        </form>
      ) : null}
    </div>
  );
}
