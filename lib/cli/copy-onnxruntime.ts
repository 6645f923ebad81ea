// `npm run onnxruntime:copy` (also run by `postinstall` and before `build`): copies the onnxruntime-web runtime
// files the what-if page loads (ONNXRUNTIME_WASM_FILES) from the installed package into public/onnxruntime/, so
// the browser fetches them from our own origin. The copies are build outputs (git ignores public/onnxruntime/).
import fs from "node:fs";
import path from "node:path";
import { ONNXRUNTIME_WASM_FILES, ONNXRUNTIME_WASM_PATH } from "@/lib/onnx/session-browser";

function main(): void {
  const root = process.cwd();
  const source = path.join(root, "node_modules", "onnxruntime-web", "dist");
  const target = path.join(root, "public", ...ONNXRUNTIME_WASM_PATH.split("/").filter(Boolean));
  if (!fs.existsSync(source)) {
    console.error(`onnxruntime-web is not installed (${source} is missing). Run npm install first.`);
    process.exit(1);
  }
  fs.mkdirSync(target, { recursive: true });
  let copied = 0;
  for (const file of ONNXRUNTIME_WASM_FILES) {
    const from = path.join(source, file);
    const to = path.join(target, file);
    if (!fs.existsSync(from)) {
      console.error(`onnxruntime-web lacks ${file}; check that the installed version matches package.json.`);
      process.exit(1);
    }
    const same = fs.existsSync(to) && fs.statSync(to).size === fs.statSync(from).size && fs.statSync(to).mtimeMs >= fs.statSync(from).mtimeMs;
    if (!same) {
      fs.copyFileSync(from, to);
      copied++;
    }
  }
  console.log(`onnxruntime-web: ${copied} of ${ONNXRUNTIME_WASM_FILES.length} files copied to public${ONNXRUNTIME_WASM_PATH}.`);
}

main();
