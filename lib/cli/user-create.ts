// `npm run user:create -- --email E --workspace W --role owner [--name N]`
// Creates (or updates the role of) a user in a workspace, creating the workspace if needed.
// The password comes from SIGHTLINE_PASSWORD or is asked for without echo.
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { z } from "zod";
import { passwordSchema } from "@/lib/auth/password";
import { roleSchema } from "@/lib/auth/permissions";
import { addMemberAsOperator, findOrCreateWorkspace } from "@/lib/db/bootstrap";
import { closeDb } from "@/lib/prisma/client";
import { DatabaseBusyError } from "@/lib/prisma/connect";
import { fail, loadEnvFile, parseFlags } from "./env";

const USAGE = "Usage: npm run user:create -- --email E --workspace \"Workspace name\" --role owner|reviewer|analyst|viewer [--name \"Full name\"]";

const argsSchema = z.object({
  email: z.string().trim().toLowerCase().email("--email must be an e-mail address, like ada@example.com."),
  workspace: z.string().trim().min(1, "--workspace must name the workspace.").max(100),
  role: roleSchema,
  name: z.string().trim().min(1).max(100).optional(),
});

function askHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) fail("No terminal to ask for the password: set SIGHTLINE_PASSWORD instead.");
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _enc, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
    muted = true;
  });
}

async function main(): Promise<void> {
  loadEnvFile();
  const flags = parseFlags(process.argv.slice(2));
  const raw = Object.fromEntries([...flags].map(([k, v]) => [k, v === true ? "" : v]));
  const parsed = argsSchema.safeParse(raw);
  if (!parsed.success) fail(`${parsed.error.issues.map((i) => `${i.path.join(".") || "arguments"}: ${i.message}`).join("\n")}\n${USAGE}`);
  const { email, workspace, role } = parsed.data;
  const name = parsed.data.name ?? email.split("@")[0]!;

  let password = process.env.SIGHTLINE_PASSWORD ?? "";
  if (!password) {
    password = await askHidden(`Password for ${email}: `);
    const again = await askHidden("Same password again: ");
    if (again !== password) fail("The two passwords differ. Run the command again.");
  }
  const checked = passwordSchema.safeParse(password);
  if (!checked.success) fail(checked.error.issues[0]?.message ?? "The password is not valid.");

  try {
    const ws = await findOrCreateWorkspace(workspace);
    const result = await addMemberAsOperator({ workspaceId: ws.id, email, name, password, role });
    console.log(
      `${result.created ? "Created" : "Updated"} ${email} as ${role} of "${ws.name}"${ws.created ? " (new workspace)" : ""}.` +
        (result.created ? "" : " An existing account keeps its password."),
    );
  } catch (error) {
    if (error instanceof DatabaseBusyError) fail(error.message);
    throw error;
  } finally {
    await closeDb();
  }
}

await main();
