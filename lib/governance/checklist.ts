// The review checklist: ten questions a reviewer answers before deciding, each tagged with the NIST AI RMF 1.0
// function it belongs to (Govern, Map, Measure, Manage). Pure: the form, the data layer and tests share it.
import { z } from "zod";

export const RMF_FUNCTIONS = ["Govern", "Map", "Measure", "Manage"] as const;
export type RmfFunction = (typeof RMF_FUNCTIONS)[number];

export interface ChecklistItem {
  id: string;
  rmf: RmfFunction;
  /** the question as the reviewer reads it */
  question: string;
}

export const REVIEW_CHECKLIST: readonly ChecklistItem[] = [
  { id: "intended_use", rmf: "Map", question: "Is what the model decides, and for whom, written down?" },
  { id: "affected_people", rmf: "Map", question: "Do we know who is affected by its answers, and how?" },
  { id: "performance_in_policy", rmf: "Measure", question: "Does it do as well as the policy asks on new data?" },
  { id: "disparities_explained", rmf: "Measure", question: "Are the gaps between groups within the band, or explained?" },
  { id: "data_quality_checked", rmf: "Measure", question: "Was the quality of the data checked?" },
  { id: "drift_understood", rmf: "Measure", question: "Is any drift (a change since the reference data) in the data understood?" },
  { id: "drift_alerts_set", rmf: "Manage", question: "Will someone be told when a light turns red?" },
  { id: "rollback_plan", rmf: "Manage", question: "Is there a named way to roll back to the last version?" },
  { id: "accountable_owner", rmf: "Govern", question: "Is one person named as accountable for this model?" },
  { id: "policy_current", rmf: "Govern", question: "Does the policy still match what the business needs?" },
];

export const CHECKLIST_ANSWERS = ["yes", "no", "not_applicable"] as const;
export type ChecklistAnswer = (typeof CHECKLIST_ANSWERS)[number];

export const CHECKLIST_ANSWER_WORDS: Record<ChecklistAnswer, string> = { yes: "Yes", no: "No", not_applicable: "Does not apply" };

export type ChecklistAnswers = Record<string, ChecklistAnswer>;

const answerSchema = z.enum(CHECKLIST_ANSWERS, { message: "Choose Yes, No or Does not apply." });

/** Every item answered, nothing else. The message names the question that lacks an answer. */
export const checklistSchema = z
  .record(z.string(), z.unknown())
  .transform((raw, ctx): ChecklistAnswers => {
    const out: ChecklistAnswers = {};
    for (const item of REVIEW_CHECKLIST) {
      const parsed = answerSchema.safeParse(raw[item.id]);
      if (!parsed.success) {
        ctx.addIssue({ code: "custom", path: [item.id], message: `Answer the checklist question "${item.question}"` });
        continue;
      }
      out[item.id] = parsed.data;
    }
    for (const key of Object.keys(raw)) {
      if (!REVIEW_CHECKLIST.some((i) => i.id === key)) ctx.addIssue({ code: "custom", path: [key], message: `"${key}" is not a checklist question.` });
    }
    return out;
  });

/** Stored answers read back (unknown items and answers dropped). */
export function readChecklist(stored: unknown): ChecklistAnswers {
  const out: ChecklistAnswers = {};
  if (!stored || typeof stored !== "object" || Array.isArray(stored)) return out;
  for (const item of REVIEW_CHECKLIST) {
    const v = (stored as Record<string, unknown>)[item.id];
    if (v === "yes" || v === "no" || v === "not_applicable") out[item.id] = v;
  }
  return out;
}
