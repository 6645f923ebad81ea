// `tsx --conditions=react-server tests/e2e/support/prepare-data.ts DIR`: migrates and seeds DIR for the e2e server
// (lib/cli/test-all.ts runs it in the background while other tests run).
import { prepareE2eData } from "./e2e-data";

const dir = process.argv[2];
if (!dir) {
  console.error("Give the folder to prepare: prepare-data.ts DIR");
  process.exit(2);
}
await prepareE2eData(dir, undefined);
process.exit(0);
