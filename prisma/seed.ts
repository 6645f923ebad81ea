// Demo seed: runs only in demo mode (SIGHTLINE_DEMO=1, set by `npm run demo`). Idempotent.
// Everything goes through the same data functions the app uses, so the audit log records it.
import { pathToFileURL } from "node:url";
import {
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  DEMO_WORKSPACE,
  OTHER_DEMO_OWNER,
  OTHER_DEMO_WORKSPACE,
  isDemoMode,
} from "@/lib/auth/demo";
import { addMemberAsOperator, findOrCreateModelAsOperator, findOrCreateWorkspace } from "@/lib/db/bootstrap";
import { closeDb } from "@/lib/prisma/client";
import { stopJobRunner } from "@/lib/jobs/runner";
import { readDemoManifest, seedDemoModel } from "./demo/seed-models";

export interface SeedOptions {
  /** Also load the demo models' versions and data through the pipeline (default true). */
  withModels?: boolean;
}

export async function seedDemo(log: (line: string) => void = console.log, options: SeedOptions = {}): Promise<void> {
  const withModels = options.withModels ?? true;
  const northwind = await findOrCreateWorkspace(DEMO_WORKSPACE);
  const members = new Map<string, string>();
  for (const account of DEMO_ACCOUNTS) {
    const { userId } = await addMemberAsOperator({ workspaceId: northwind.id, ...account, password: DEMO_PASSWORD });
    members.set(account.role, userId);
  }
  const income = await findOrCreateModelAsOperator({
    workspaceId: northwind.id,
    name: "Income screener",
    purpose: "Flags loan applicants whose yearly income is likely above $50,000, so they get a fast-track review.",
    task: "binary",
    positiveLabel: ">50K",
    sensitiveAttributes: ["sex", "race", "age_band"],
    // A "yes" gets the applicant a fast-track review: it helps them, so fairness compares how often each
    // group's real high earners are found (equal opportunity).
    fairnessQuestion: "help",
    rowNoun: "applicants",
  });

  const other = await findOrCreateWorkspace(OTHER_DEMO_WORKSPACE);
  const otherOwner = await addMemberAsOperator({ workspaceId: other.id, ...OTHER_DEMO_OWNER, password: DEMO_PASSWORD });
  const bikes = await findOrCreateModelAsOperator({
    workspaceId: other.id,
    name: "Bike rental demand",
    purpose: "Predicts how many bikes will be rented each hour, so vans move bikes to where they will be needed.",
    task: "regression",
    rowNoun: "hours",
  });
  log(`Demo workspaces ready: "${northwind.name}" with ${DEMO_ACCOUNTS.length} members, and "${other.name}".`);
  if (!withModels) return;
  readDemoManifest(); // fail early on a broken manifest
  log("Loading the demo models and data through the upload pipeline (scoring and evaluating every window)…");
  await seedDemoModel(income.id, "income-screener", { analyst: members.get("analyst")!, reviewer: members.get("reviewer")!, owner: members.get("owner")! }, log);
  await seedDemoModel(bikes.id, "bike-demand", { owner: otherOwner.userId }, log);
  await stopJobRunner();
}

async function main(): Promise<void> {
  if (!isDemoMode()) {
    console.error(
      "The seed only creates demo data, and demo mode is off. Run `npm run demo`, or set SIGHTLINE_DEMO=1.\n" +
        "For a real installation create the first owner with `npm run user:create -- --email E --workspace W --role owner`.",
    );
    process.exitCode = 1;
    return;
  }
  try {
    await seedDemo();
  } finally {
    await closeDb();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
