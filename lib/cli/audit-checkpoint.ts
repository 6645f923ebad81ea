// `npm run audit:checkpoint`: signs every workspace's audit chain head with SIGHTLINE_AUDIT_SIGNING_KEY
// (README "Audit log format").
//   -- --generate-key       prints a new Ed25519 key pair to put in the environment (writes nothing)
//   -- --print-public-key   prints the configured key's public half and key id, for whoever verifies
import { writeAllCheckpoints } from "@/lib/db/audit-checkpoints";
import { generateSigningKey, SIGNING_KEY_ENV, signingKeyFromEnv, type SigningKey } from "@/lib/governance/audit-checkpoint";
import { closeDb } from "@/lib/prisma/client";
import { DatabaseBusyError } from "@/lib/prisma/connect";
import { fail, loadEnvFile, parseFlags } from "./env";

function configuredKey(): SigningKey | null {
  try {
    return signingKeyFromEnv();
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
}

async function main(): Promise<void> {
  loadEnvFile();
  const flags = parseFlags(process.argv.slice(2));
  if (flags.has("generate-key")) {
    const pair = generateSigningKey();
    console.log(`# Put this line in the environment of the app and of audit:checkpoint (not in the database, not in git):`);
    console.log(`${SIGNING_KEY_ENV}=${pair.privateKey}`);
    console.log(`# Public key (base64 SPKI DER), for anyone who verifies checkpoints:`);
    console.log(`# ${pair.publicKey}`);
    console.log(`# Key id (sha256 of the public key): ${pair.keyId}`);
    return;
  }
  const key = configuredKey();
  if (!key) fail(`No signing key is set, so no checkpoint was written. Set ${SIGNING_KEY_ENV} (npm run audit:checkpoint -- --generate-key makes one; see README).`);
  if (flags.has("print-public-key")) {
    console.log(`Public key (base64 SPKI DER): ${key.publicKey}`);
    console.log(`Key id: ${key.keyId}`);
    return;
  }
  let broken = 0;
  try {
    for (const { name, result } of await writeAllCheckpoints(key)) {
      if (result.written) console.log(`SIGNED  ${name}: head at event ${result.seq} (${result.headHash})`);
      else if (result.reason === "chain-broken") {
        broken++;
        console.log(`BROKEN  ${name}: ${result.message}`);
      } else if (result.reason === "unchanged") console.log(`SAME    ${name}: head at event ${result.seq} is already signed`);
      else console.log(`EMPTY   ${name}: no events yet`);
    }
  } catch (error) {
    if (error instanceof DatabaseBusyError) fail(error.message);
    throw error;
  } finally {
    await closeDb();
  }
  process.exitCode = broken ? 1 : 0;
}

await main();
