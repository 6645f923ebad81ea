// A model's policy: read by every role, changed by owners only. Every change needs a reason, writes a new
// policy version (the old one stays as evidence), is audited, and re-judges the stored windows as a job.
import "server-only";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/current-user";
import { RuleError, notFound } from "@/lib/auth/errors";
import { can } from "@/lib/auth/permissions";
import { JUDGED_METRICS, defaultRules, rulesFromStored } from "@/lib/governance/policy-rules";
import type { PolicyRules } from "@/lib/contracts/policy-rules";
import { REJUDGE_JOB } from "@/lib/jobs/names";
import { enqueueJob, kickJobRunner, startJobRunner } from "@/lib/jobs/runner";
import { settleAcceptedRisks } from "./accepted-risks";
import { appendAuditEvent } from "./audit";
import { modelIdSchema } from "./models";
import { writeCheckpoint } from "./audit-checkpoints";
import { getDb, type Tx } from "@/lib/prisma/client";
import type { FormFields } from "./form-fields";
import type { ModelTask } from "@/lib/prisma/generated/enums";
import { policyRowData } from "./policy-row";

export interface PolicyView {
  modelId: string;
  modelName: string;
  task: ModelTask;
  sensitiveAttributes: string[];
  rules: PolicyRules;
  canEdit: boolean;
  history: { version: number; reason: string | null; createdAt: Date; createdBy: string | null }[];
}

export async function getPolicy(id: string): Promise<PolicyView> {
  const user = await requirePermission("model.read", "see models");
  if (!modelIdSchema.safeParse(id).success) throw notFound("That model");
  const db = await getDb();
  const model = await db.model.findFirst({
    where: { id, workspaceId: user.workspaceId },
    select: {
      id: true,
      name: true,
      task: true,
      sensitiveAttributes: true,
      policies: {
        orderBy: { version: "desc" },
        select: {
          version: true,
          primaryMetric: true,
          metricFloors: true,
          driftThresholds: true,
          fairnessTolerance: true,
          approvalsRequired: true,
          rules: true,
          reason: true,
          createdAt: true,
          createdBy: { select: { name: true, email: true } },
        },
      },
    },
  });
  if (!model) throw notFound("That model");
  const current = model.policies[0];
  const rules = current ? rulesFromStored(model.task, current) : { ...defaultRules(model.task), version: 0 };
  return {
    modelId: model.id,
    modelName: model.name,
    task: model.task,
    sensitiveAttributes: model.sensitiveAttributes,
    rules,
    canEdit: can(user.role, "policy.edit"),
    history: model.policies.map((p) => ({ version: p.version, reason: p.reason, createdAt: p.createdAt, createdBy: p.createdBy?.name ?? p.createdBy?.email ?? null })),
  };
}

const percent = (label: string) =>
  z.coerce
    .number({ message: `${label} must be a number of percent, such as 5.` })
    .min(0, `${label} cannot be below 0%.`)
    .max(100, `${label} cannot be above 100%.`)
    .transform((v) => v / 100);
const wholeRows = (label: string) =>
  z.coerce.number({ message: `${label} must be a whole number of rows.` }).int(`${label} must be a whole number of rows.`).min(1, `${label} must be at least 1.`).max(1_000_000, `${label} can be at most 1,000,000.`);
const floorValue = z.union([z.literal(""), z.coerce.number({ message: "A floor must be a number, or left empty." })]).transform((v) => (v === "" ? undefined : v));

/** What the policy form (and any caller) sends. Percentages are in percent; the reason is required. */
export const policyChangeInput = z
  .object({
    reason: z.string().trim().min(5, "Say in a few words why the policy changes (at least 5 characters).").max(500, "Keep the reason under 500 characters."),
    primaryMetric: z.string().min(1, "Choose the main measure."),
    decisionThreshold: z.coerce.number({ message: "The decision threshold must be a number from 0 to 1, such as 0.5." }).min(0, "The decision threshold must be from 0 to 1.").max(1, "The decision threshold must be from 0 to 1."),
    amberDrop: percent("The amber drop"),
    redDrop: percent("The red drop"),
    /** optional floors (higher-is-better) or ceilings (lower-is-better), per metric; empty = none */
    floors: z.record(z.string(), floorValue).default({}),
    pValue: z.coerce.number({ message: "The p-value threshold must be a number such as 0.05." }).gt(0, "The p-value threshold must be above 0.").lt(1, "The p-value threshold must be below 1."),
    distance: z.coerce.number({ message: "The distance threshold must be a number such as 0.1." }).gt(0, "The distance threshold must be above 0.").max(10, "The distance threshold can be at most 10."),
    datasetShare: percent("The share of changed columns"),
    minPerformanceRows: wholeRows("Labelled rows for performance"),
    minPerClass: wholeRows("Rows of each class"),
    minDriftRows: wholeRows("Rows for drift"),
    minGroupRows: wholeRows("Rows per group"),
    minDenominator: wholeRows("Rows in a rate's denominator"),
    fairnessQuestion: z.enum(["help", "burden", "equal", ""], { message: "Choose how a yes from the model affects a person." }).transform((v) => (v === "" ? null : v)),
    fairnessTolerance: z.coerce.number({ message: "The fairness band must be a number such as 0.8." }).gt(0, "The fairness band must be above 0.").max(1, "The fairness band must be at most 1 (0.8 allows 0.8 to 1.25)."),
    approvalsRequired: z.coerce.number({ message: "Approvals must be a whole number." }).int("Approvals must be a whole number.").min(0, "Approvals cannot be below 0.").max(10, "At most 10 approvals."),
    rowNoun: z.string().trim().min(1, "Say what a row is, such as \"applicants\", or keep \"rows\".").max(40, "Keep what a row is under 40 characters."),
    /** the columns whose groups are compared for fairness, comma-separated (kept as they are when absent) */
    sensitiveAttributes: z
      .union([z.string().max(1000, "Keep the list of group columns under 1,000 characters."), z.array(z.string().trim().min(1).max(100))])
      .optional()
      .transform((v) => (v === undefined ? undefined : [...new Set((typeof v === "string" ? v.split(",") : v).map((c) => c.trim()).filter(Boolean))]))
      .refine((v) => v === undefined || v.every((c) => c.length <= 100), "A column name can be at most 100 characters."),
  })
  .refine((v) => v.redDrop >= v.amberDrop, { message: "The red drop must be at least the amber drop.", path: ["redDrop"] });

export type PolicyChangeInput = z.input<typeof policyChangeInput>;

/** A form sends floors as fields named `floor.<metric>`; gather them into `floors`. */
function withFloors(input: PolicyChangeInput | FormFields): unknown {
  if ("floors" in input && typeof input.floors === "object") return input;
  const floors: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (key.startsWith("floor.")) floors[key.slice("floor.".length)] = value;
    else rest[key] = value;
  }
  return { ...rest, floors };
}

/** Changes the policy (owners only): a new version, an audit event and a re-judge job, in one transaction. */
export async function changePolicy(id: string, input: PolicyChangeInput | FormFields): Promise<{ version: number; jobId: string }> {
  const user = await requirePermission("policy.edit", "change a model's policy");
  if (!modelIdSchema.safeParse(id).success) throw notFound("That model");
  const data = policyChangeInput.parse(withFloors(input));
  const db = await getDb();
  const model = await db.model.findFirst({ where: { id, workspaceId: user.workspaceId }, select: { id: true, task: true, sensitiveAttributes: true } });
  if (!model) throw notFound("That model");
  if (!JUDGED_METRICS[model.task].includes(data.primaryMetric)) {
    throw new RuleError(`"${data.primaryMetric}" is not a measure this kind of model has. Choose one from the list.`);
  }
  const floors: Record<string, number> = {};
  for (const [name, value] of Object.entries(data.floors)) {
    if (value === undefined) continue;
    if (!JUDGED_METRICS[model.task].includes(name)) throw new RuleError(`"${name}" is not a measure this kind of model has, so it cannot have a floor.`);
    floors[name] = value;
  }
  await startJobRunner(); // the queue must be up before a transaction queues a job in it
  return db.$transaction(async (tx: Tx) => {
    const last = await tx.policy.findFirst({ where: { modelId: id }, orderBy: { version: "desc" }, select: { version: true, driftThresholds: true } });
    const version = (last?.version ?? 0) + 1;
    const previousDrift = rulesFromStored(model.task, { version: 0, metricFloors: {}, driftThresholds: last?.driftThresholds ?? {}, fairnessTolerance: 0.8 }).driftThresholds;
    const rules: Omit<PolicyRules, "version"> = {
      primaryMetric: data.primaryMetric,
      decisionThreshold: data.decisionThreshold,
      relativeTolerance: { amber: data.amberDrop, red: data.redDrop },
      metricFloors: floors,
      driftThresholds: { pValue: data.pValue, distance: data.distance, datasetShare: data.datasetShare, perMethod: previousDrift.perMethod },
      minimumRows: { performance: data.minPerformanceRows, perClass: data.minPerClass, drift: data.minDriftRows, perGroup: data.minGroupRows, denominator: data.minDenominator },
      fairnessQuestion: data.fairnessQuestion,
      fairnessTolerance: data.fairnessTolerance,
      approvalsRequired: data.approvalsRequired,
      rowNoun: data.rowNoun,
    };
    await tx.policy.create({ data: { modelId: id, version, reason: data.reason, createdById: user.id, ...policyRowData(model.task, rules) } });
    const sensitive = data.sensitiveAttributes ?? model.sensitiveAttributes;
    if (data.sensitiveAttributes && data.sensitiveAttributes.join("\n") !== model.sensitiveAttributes.join("\n")) {
      await tx.model.update({ where: { id }, data: { sensitiveAttributes: data.sensitiveAttributes } });
    }
    const jobId = await enqueueJob(
      { workspaceId: user.workspaceId, modelId: id, kind: REJUDGE_JOB, input: { modelId: id, reason: `policy version ${version}` }, createdById: user.id },
      tx,
    );
    await appendAuditEvent(tx, {
      workspaceId: user.workspaceId,
      actorId: user.id,
      action: "policy.changed",
      subjectType: "model",
      subjectId: id,
      payload: {
        version,
        reason: data.reason,
        primaryMetric: rules.primaryMetric,
        decisionThreshold: rules.decisionThreshold,
        relativeTolerance: rules.relativeTolerance,
        floors,
        drift: { pValue: data.pValue, distance: data.distance, datasetShare: data.datasetShare },
        minimumRows: { ...rules.minimumRows },
        fairnessQuestion: rules.fairnessQuestion,
        fairnessTolerance: rules.fairnessTolerance,
        approvalsRequired: rules.approvalsRequired,
        rowNoun: rules.rowNoun,
        sensitiveAttributes: sensitive,
        jobId,
        ...(user.apiToken ? { via: `API token ${user.apiToken.name}` } : {}),
      },
    });
    // Accepted risks end with the policy they were accepted under (one audit event each).
    await settleAcceptedRisks(tx, id);
    // Policy changes are evidence for sign-offs: sign the chain head now (does nothing without a signing key).
    await writeCheckpoint(tx, user.workspaceId);
    return { version, jobId };
  }).then((r) => {
    kickJobRunner();
    return r;
  });
}

/** Evaluates every stored window of the model again (owners; old snapshots stay, marked superseded). */
export async function reevaluateModel(id: string): Promise<{ jobId: string }> {
  const user = await requirePermission("policy.edit", "evaluate a model's data again");
  if (!modelIdSchema.safeParse(id).success) throw notFound("That model");
  const db = await getDb();
  const model = await db.model.findFirst({ where: { id, workspaceId: user.workspaceId }, select: { id: true, _count: { select: { windows: true } } } });
  if (!model) throw notFound("That model");
  if (model._count.windows === 0) throw new RuleError("This model has no stored data to evaluate yet. Upload its reference data first.");
  const running = await db.job.count({ where: { modelId: id, kind: REJUDGE_JOB, status: { in: ["queued", "running"] } } });
  if (running) throw new RuleError("An evaluation of this model's data is already queued or running. Wait for it to finish.");
  await startJobRunner();
  const jobId = await db.$transaction(async (tx: Tx) => {
    const jobId = await enqueueJob({ workspaceId: user.workspaceId, modelId: id, kind: REJUDGE_JOB, input: { modelId: id, reason: "evaluated again on request" }, createdById: user.id }, tx);
    await appendAuditEvent(tx, { workspaceId: user.workspaceId, actorId: user.id, action: "model.reevaluated", subjectType: "model", subjectId: id, payload: { jobId } });
    return jobId;
  });
  kickJobRunner();
  return { jobId };
}

