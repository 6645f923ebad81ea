import type { ClassEntry } from "@/lib/contracts/snapshot-types";
import { classTableCaption, formatMetricValue } from "@/lib/narrative";

/** Category models: sklearn's classification report per class, in plain column names. */
export function ClassTable({ classes }: { classes: ClassEntry[] }) {
  return (
    <div>
      <h3 className="mb-1 font-semibold">Each category</h3>
      <p className="mb-2 text-xs text-slate-600">{classTableCaption(classes.length)}</p>
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Each category">
        <table className="w-full min-w-[30rem] text-left text-sm" data-testid="class-table">
          <thead className="text-xs uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="py-2 pr-3">Category</th>
              <th scope="col" className="py-2 pr-3">Rows</th>
              <th scope="col" className="py-2 pr-3">Found (recall)</th>
              <th scope="col" className="py-2 pr-3">Right when picked (precision)</th>
              <th scope="col" className="py-2">F1</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {classes.map((c) => (
              <tr key={c.label} data-class={c.label}>
                <th scope="row" className="py-2 pr-3 font-medium">{c.label}</th>
                <td className="py-2 pr-3 tabular-nums">{c.support.toLocaleString("en-US")}</td>
                <td className="py-2 pr-3 tabular-nums">{formatMetricValue("recall", c.recall)}</td>
                <td className="py-2 pr-3 tabular-nums">{formatMetricValue("precision", c.precision)}</td>
                <td className="py-2 tabular-nums">{formatMetricValue("f1", c.f1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
