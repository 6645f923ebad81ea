import { FAIRNESS_QUESTION_CHOICES } from "@/lib/narrative/policy-words";

/** The fairness question in plain words (model creation and the policy page). Yes/no models only. */
export function FairnessQuestion({ defaultValue, error, disabled = false }: { defaultValue: string; error?: string | undefined; disabled?: boolean }) {
  return (
    <fieldset aria-describedby={error ? "fairnessQuestion-error" : undefined}>
      <legend className="text-sm font-medium text-slate-800">When the model says yes, how does that affect the person?</legend>
      <p className="mt-1 text-xs text-slate-600">This decides which comparison between groups the fairness light uses.</p>
      <div className="mt-2 space-y-2">
        {FAIRNESS_QUESTION_CHOICES.map((choice) => (
          <label key={choice.value} className="flex items-start gap-2 text-sm text-slate-800">
            <input type="radio" name="fairnessQuestion" value={choice.value} defaultChecked={defaultValue === choice.value} disabled={disabled} className="mt-1" />
            <span>
              <span className="font-medium">{choice.label}</span>
              <span className="block text-xs text-slate-600">{choice.explain}</span>
            </span>
          </label>
        ))}
      </div>
      {error ? (
        <p id="fairnessQuestion-error" className="mt-1 text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
