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
import { closeDb } from "@/lib/db/client";

export async function seedDemo(log: (line: string) => void = console.log): Promise<void> {
  const northwind = await findOrCreateWorkspace(DEMO_WORKSPACE);
  for (const account of DEMO_ACCOUNTS) {
    await addMemberAsOperator({ workspaceId: northwind.id, ...account, password: DEMO_PASSWORD });
  }
  await findOrCreateModelAsOperator({
    workspaceId: northwind.id,
    name: "Income screener",
    purpose: "Flags loan applicants whose yearly income is likely above $50,000, so they get a fast-track review.",
    task: "binary",
    positiveLabel: ">50K",
    sensitiveAttributes: ["sex", "race", "age_band"],
  });

  const other = await findOrCreateWorkspace(OTHER_DEMO_WORKSPACE);
  await addMemberAsOperator({ workspaceId: other.id, ...OTHER_DEMO_OWNER, password: DEMO_PASSWORD });
  await findOrCreateModelAsOperator({
    workspaceId: other.id,
    name: "Bike rental demand",
    purpose: "Predicts how many bikes will be rented each hour, so vans move bikes to where they will be needed.",
    task: "regression",
  });
  log(`Demo data ready: "${northwind.name}" with ${DEMO_ACCOUNTS.length} members, and "${other.name}".`);
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
