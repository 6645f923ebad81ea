/**
 * Re-creates the demo models and data files byte for byte:
 *   npx tsx prisma/demo/train-models.ts [--out DIR] [--seed N]
 * Writes DIR/models/*.onnx, DIR/data/*.csv and DIR/manifest.json (DIR defaults to prisma/demo).
 *   npx tsx prisma/demo/train-models.ts --check
 * Rebuilds into a temporary folder and exits 1 unless every committed file is reproduced exactly.
 */
import { DEMO_SEED, buildDemo, verifyDemo } from "./build-demo";

if (process.argv.includes("--check")) {
  const { mismatched } = verifyDemo();
  if (mismatched.length > 0) {
    console.error(`Not reproduced byte for byte: ${mismatched.join(", ")}`);
    process.exit(1);
  }
  console.log("All demo files reproduced byte for byte.");
  process.exit(0);
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const outDir = argValue("--out");
const seedText = argValue("--seed");
const seed = seedText === undefined ? DEMO_SEED : Number(seedText);
if (!Number.isInteger(seed)) {
  console.error(`--seed must be an integer (got '${seedText}').`);
  process.exit(2);
}
const started = performance.now();
const result = buildDemo({ ...(outDir ? { outDir } : {}), seed, log: (line) => console.log(line) });
for (const [path, hash] of Object.entries(result.sha256)) console.log(`${hash}  ${path}`);
console.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
