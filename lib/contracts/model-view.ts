// What the model pages read (lib/db/model-views.ts builds it; app/(app)/models/[id] and components/model show it).
// A plain data shape (no I/O): any layer may import it.
import type { VersionStatus, WindowSummary } from "./model-health";
import type { PolicyRules } from "./policy-rules";
import type { Light, Task } from "./snapshot-types";

export interface VersionRow {
  id: string;
  version: number;
  status: VersionStatus;
  note: string | null;
  artifactName: string;
  artifactSha256: string;
  /** the uploader's name (or e-mail); null when unknown */
  uploadedBy: string | null;
  uploadedAt: Date;
  isLive: boolean;
  /** live from before reviews existed: it never went through a review (absent: false) */
  liveWithoutReview?: boolean;
  /** the version whose results the pages show (the live one, else the newest that is not rejected or retired) */
  isShown: boolean;
  /** current results (one per period) of this version */
  results: number;
}

export interface ModelView {
  id: string;
  name: string;
  purpose: string;
  task: Task;
  positiveLabel: string | null;
  sensitiveAttributes: string[];
  /** the current policy (version 0: none stored) */
  rules: PolicyRules;
  versions: VersionRow[];
  /** the version the pages show */
  shown: VersionRow | null;
  live: VersionRow | null;
  /** the current result per period of the shown version: references first, then oldest period first */
  windows: WindowSummary[];
  /** the latest period's overall light (the reference's when there is no period yet); null without results */
  light: Light | null;
  /** the label of the period that light belongs to */
  lightWindow: string | null;
  canUpload: boolean;
  canWrite: boolean;
  /** the signed-in person may submit a version for review (owners, analysts; absent: false) */
  canSubmit?: boolean;
}
