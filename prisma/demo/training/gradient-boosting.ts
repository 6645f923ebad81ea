/**
 * Histogram gradient boosting (second-order, as XGBoost/LightGBM) with depth-wise trees, kept small
 * and deterministic for the demo. Splits are expressed the way ai.onnx.ml TreeEnsemble* evaluates
 * them (BRANCH_LEQ on float32 values), so the exported model makes exactly the decisions trained.
 */

/** A feature as the trainer sees it: every row's bin. */
export type SplitFeature =
  | {
      readonly kind: "numeric";
      readonly name: string;
      /** Index of this feature in the model's float input vector. */
      readonly onnxFeature: number;
      /** float32 thresholds, increasing; at split s a row goes to the true branch when x <= thresholds[s]. */
      readonly thresholds: Float32Array;
      /** Per row: the first s with x <= thresholds[s], or thresholds.length. */
      readonly bins: Uint16Array;
    }
  | {
      readonly kind: "category";
      readonly name: string;
      /** Index of category 0's one-hot column; category c is at onnxFeature + c. */
      readonly onnxFeature: number;
      readonly categories: number;
      /** Per row: category code + 1, or 0 when missing (all one-hot columns 0). */
      readonly bins: Uint16Array;
    };

export interface TreeNode {
  /** -1 for a leaf. */
  readonly feature: number;
  readonly threshold: number;
  readonly trueChild: number;
  readonly falseChild: number;
  readonly value: number;
}

export interface Ensemble {
  readonly base: number;
  readonly trees: readonly (readonly TreeNode[])[];
}

export interface BoostingParams {
  readonly loss: "logistic" | "squared";
  readonly trees: number;
  readonly maxDepth: number;
  readonly learningRate: number;
  readonly lambda: number;
  readonly minChildRows: number;
}

function binCount(feature: SplitFeature): number {
  return feature.kind === "numeric" ? feature.thresholds.length + 1 : feature.categories + 1;
}

/** Bins a numeric column at up to `maxBins` quantile cuts, thresholds in float32 as ONNX stores them. */
export function numericFeature(name: string, onnxFeature: number, values: ArrayLike<number>, maxBins: number): SplitFeature {
  const x32 = Float32Array.from(values as ArrayLike<number>);
  const sorted = Float32Array.from(x32).sort();
  const uniques: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const v = sorted[i] as number;
    if (!Number.isNaN(v) && (uniques.length === 0 || v !== uniques[uniques.length - 1])) uniques.push(v);
  }
  const cuts: number[] = [];
  const pushCut = (a: number, b: number) => {
    let t = Math.fround((a + b) / 2);
    if (!(t >= a && t < b)) t = a;
    if (cuts.length === 0 || t > (cuts[cuts.length - 1] as number)) cuts.push(t);
  };
  if (uniques.length <= maxBins) {
    for (let k = 0; k + 1 < uniques.length; k++) pushCut(uniques[k] as number, uniques[k + 1] as number);
  } else {
    const n = sorted.length;
    for (let q = 1; q < maxBins; q++) {
      const v = sorted[Math.floor((q * n) / maxBins)] as number;
      const k = uniques.indexOf(v);
      if (k >= 0 && k + 1 < uniques.length) pushCut(v, uniques[k + 1] as number);
    }
  }
  const thresholds = Float32Array.from(cuts);
  const bins = new Uint16Array(x32.length);
  for (let i = 0; i < x32.length; i++) bins[i] = binOf(thresholds, x32[i] as number);
  return { kind: "numeric", name, onnxFeature, thresholds, bins };
}

/** First s with x <= thresholds[s] (NaN goes past every threshold, like BRANCH_LEQ). */
export function binOf(thresholds: Float32Array, x: number): number {
  let lo = 0;
  let hi = thresholds.length;
  if (Number.isNaN(x)) return hi;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x <= (thresholds[mid] as number)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function categoryFeature(name: string, onnxFeature: number, codes: Int32Array, categories: number): SplitFeature {
  const bins = new Uint16Array(codes.length);
  for (let i = 0; i < codes.length; i++) bins[i] = (codes[i] as number) + 1;
  return { kind: "category", name, onnxFeature, categories, bins };
}

interface Split {
  gain: number;
  feature: number;
  /** numeric: threshold index s; category: category code c. */
  at: number;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function trainBoosting(features: readonly SplitFeature[], y: Float64Array, params: BoostingParams): Ensemble {
  const n = y.length;
  let base: number;
  if (params.loss === "logistic") {
    let positives = 0;
    for (let i = 0; i < n; i++) positives += y[i] as number;
    const p = positives / n;
    base = Math.log(p / (1 - p));
  } else {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += y[i] as number;
    base = sum / n;
  }
  const margin = new Float64Array(n).fill(base);
  const grad = new Float64Array(n);
  const hess = new Float64Array(n);
  const maxBins = Math.max(...features.map(binCount));
  const histG = new Float64Array(maxBins);
  const histH = new Float64Array(maxBins);
  const histN = new Int32Array(maxBins);
  const lambda = params.lambda;
  const score = (g: number, h: number) => (g * g) / (h + lambda);

  const trees: TreeNode[][] = [];
  for (let t = 0; t < params.trees; t++) {
    for (let i = 0; i < n; i++) {
      if (params.loss === "logistic") {
        const p = sigmoid(margin[i] as number);
        grad[i] = p - (y[i] as number);
        hess[i] = Math.max(p * (1 - p), 1e-12);
      } else {
        grad[i] = (margin[i] as number) - (y[i] as number);
        hess[i] = 1;
      }
    }
    const all = new Int32Array(n);
    for (let i = 0; i < n; i++) all[i] = i;
    const nodes: TreeNode[] = [];
    const queue: { id: number; rows: Int32Array; depth: number }[] = [{ id: 0, rows: all, depth: 0 }];
    nodes.push({ feature: -1, threshold: 0, trueChild: -1, falseChild: -1, value: 0 });

    while (queue.length > 0) {
      const current = queue.shift();
      if (!current) break;
      const { id, rows, depth } = current;
      let G = 0;
      let H = 0;
      for (let k = 0; k < rows.length; k++) {
        const i = rows[k] as number;
        G += grad[i] as number;
        H += hess[i] as number;
      }
      let best: Split | null = null;
      if (depth < params.maxDepth && rows.length >= 2 * params.minChildRows) {
        const parent = score(G, H);
        for (let f = 0; f < features.length; f++) {
          const feature = features[f] as SplitFeature;
          const bins = feature.bins;
          const m = binCount(feature);
          histG.fill(0, 0, m);
          histH.fill(0, 0, m);
          histN.fill(0, 0, m);
          for (let k = 0; k < rows.length; k++) {
            const i = rows[k] as number;
            const b = bins[i] as number;
            histG[b] = (histG[b] as number) + (grad[i] as number);
            histH[b] = (histH[b] as number) + (hess[i] as number);
            histN[b] = (histN[b] as number) + 1;
          }
          if (feature.kind === "numeric") {
            let gl = 0;
            let hl = 0;
            let nl = 0;
            for (let s = 0; s < m - 1; s++) {
              gl += histG[s] as number;
              hl += histH[s] as number;
              nl += histN[s] as number;
              const nr = rows.length - nl;
              if (nl < params.minChildRows || nr < params.minChildRows) continue;
              const gain = score(gl, hl) + score(G - gl, H - hl) - parent;
              if (gain > 1e-9 && (!best || gain > best.gain)) best = { gain, feature: f, at: s };
            }
          } else {
            for (let c = 0; c < feature.categories; c++) {
              const nr = histN[c + 1] as number;
              const nl = rows.length - nr;
              if (nl < params.minChildRows || nr < params.minChildRows) continue;
              const gr = histG[c + 1] as number;
              const hr = histH[c + 1] as number;
              const gain = score(G - gr, H - hr) + score(gr, hr) - parent;
              if (gain > 1e-9 && (!best || gain > best.gain)) best = { gain, feature: f, at: c };
            }
          }
        }
      }
      if (!best) {
        const value = (-G / (H + lambda)) * params.learningRate;
        nodes[id] = { feature: -1, threshold: 0, trueChild: -1, falseChild: -1, value };
        for (let k = 0; k < rows.length; k++) {
          const i = rows[k] as number;
          margin[i] = (margin[i] as number) + value;
        }
        continue;
      }
      const feature = features[best.feature] as SplitFeature;
      const goesTrue = (i: number): boolean =>
        feature.kind === "numeric" ? (feature.bins[i] as number) <= best.at : (feature.bins[i] as number) !== best.at + 1;
      let trueCount = 0;
      for (let k = 0; k < rows.length; k++) if (goesTrue(rows[k] as number)) trueCount++;
      const trueRows = new Int32Array(trueCount);
      const falseRows = new Int32Array(rows.length - trueCount);
      let a = 0;
      let b = 0;
      for (let k = 0; k < rows.length; k++) {
        const i = rows[k] as number;
        if (goesTrue(i)) trueRows[a++] = i;
        else falseRows[b++] = i;
      }
      const trueId = nodes.length;
      nodes.push({ feature: -1, threshold: 0, trueChild: -1, falseChild: -1, value: 0 });
      const falseId = nodes.length;
      nodes.push({ feature: -1, threshold: 0, trueChild: -1, falseChild: -1, value: 0 });
      nodes[id] =
        feature.kind === "numeric"
          ? { feature: feature.onnxFeature, threshold: feature.thresholds[best.at] as number, trueChild: trueId, falseChild: falseId, value: 0 }
          : { feature: feature.onnxFeature + best.at, threshold: 0.5, trueChild: trueId, falseChild: falseId, value: 0 };
      queue.push({ id: trueId, rows: trueRows, depth: depth + 1 }, { id: falseId, rows: falseRows, depth: depth + 1 });
    }
    trees.push(nodes);
  }
  return { base, trees };
}

/**
 * The ensemble's raw score for one row of the model's float input, computed the way
 * onnxruntime's TreeEnsemble kernels do with float attributes: leaf values summed in float32, tree
 * by tree, then the float32 base value added.
 */
export function ensembleMargin(ensemble: Ensemble, row: (feature: number) => number): number {
  let sum = 0;
  for (const tree of ensemble.trees) {
    let node = tree[0] as TreeNode;
    while (node.feature >= 0) {
      const x = Math.fround(row(node.feature));
      node = tree[x <= Math.fround(node.threshold) ? node.trueChild : node.falseChild] as TreeNode;
    }
    sum = Math.fround(sum + Math.fround(node.value));
  }
  return Math.fround(sum + Math.fround(ensemble.base));
}
