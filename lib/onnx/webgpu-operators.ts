// Which of a model's operators the WebGPU execution provider of onnxruntime-web runs. The rest (every ai.onnx.ml
// operator: trees, linear classifiers, encoders; and the few standard ones it lacks) run on the CPU beside it, so the
// what-if page says "WebGPU and CPU" for such a model. The list is the ai.onnx column of
// node_modules/onnxruntime-web/docs/webgpu-operators.md for the installed version; a unit test checks that it still
// matches after an upgrade.
import type { OperatorCount } from "./signature";

export const WEBGPU_OPERATORS: ReadonlySet<string> = new Set(
  (
    "Abs Acos Acosh Add ArgMax ArgMin Asin Asinh Atan Atanh AveragePool BatchNormalization Cast Ceil Clip Concat " +
    "Conv ConvTranspose Cos Cosh CumSum DFT DepthToSpace DequantizeLinear Div Einsum Elu Equal Erf Exp Expand " +
    "Flatten Floor Gather GatherElements GatherND Gelu Gemm GlobalAveragePool GlobalMaxPool Greater GreaterOrEqual " +
    "GridSample HardSigmoid HardSwish If InstanceNormalization LayerNormalization LeakyRelu Less LessOrEqual Log " +
    "MatMul MaxPool MemcpyFromHost MemcpyToHost Mul Neg Not Pad Pow Range Reciprocal ReduceL1 ReduceL2 ReduceLogSum ReduceLogSumExp " +
    "ReduceMax ReduceMean ReduceMin ReduceProd ReduceSum ReduceSumSquare Relu Reshape Resize ScatterND Shape " +
    "Sigmoid SimplifiedLayerNormalization Sin Sinh Slice Softmax Split Sqrt Squeeze Sub Tan Tanh ThresholdedRelu " +
    "Tile Transpose Unsqueeze Where"
  ).split(" "),
);

/** Nodes the runtime's graph optimisation folds away before any provider runs them. */
const FOLDED_AWAY: ReadonlySet<string> = new Set(["Constant", "Identity", "Dropout"]);

/**
 * The operators of a model that the WebGPU provider does not run ("ai.onnx.ml:TreeEnsembleClassifier"), each once,
 * in the model's order.
 */
export function operatorsOffWebGpu(operators: readonly OperatorCount[]): string[] {
  const off: string[] = [];
  for (const { domain, opType } of operators) {
    const standard = domain === "" || domain === "ai.onnx";
    if (standard && (WEBGPU_OPERATORS.has(opType) || FOLDED_AWAY.has(opType))) continue;
    const name = standard ? opType : `${domain}:${opType}`;
    if (!off.includes(name)) off.push(name);
  }
  return off;
}
