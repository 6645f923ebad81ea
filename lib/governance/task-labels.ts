import type { Task } from "@/lib/contracts/snapshot-types";

export const TASK_LABELS: Record<Task, { name: string; explain: string }> = {
  binary: { name: "Yes/no decision", explain: "It answers a yes-or-no question for each case (binary classification)." },
  multiclass: { name: "Picks a category", explain: "It sorts each case into one of several categories (multiclass classification)." },
  regression: { name: "Predicts a number", explain: "It estimates a quantity for each case (regression)." },
};
