/** Encoding of sensitive and control features into sorted group codes. */
import { MetricInputError } from "../errors";
import { type CategoricalCodes, isCodes } from "../drift/sample";

export const MISSING_GROUP = "(missing)";

export type FeatureValues = readonly (string | null)[] | CategoricalCodes | ArrayLike<number>;

export interface SensitiveFeature {
  name: string;
  values: FeatureValues;
}

export interface EncodedFeature {
  name: string;
  /** Group labels, sorted (numbers numerically, then strings; missing last as "(missing)"). */
  labels: string[];
  codes: Int32Array;
}

/** Encode one feature; missing values (null, NaN, negative code) form the "(missing)" group. */
export function encodeFeature(f: SensitiveFeature, n: number): EncodedFeature {
  const { values } = f;
  if (isCodes(values)) {
    if (values.codes.length !== n) throw new MetricInputError(`Feature '${f.name}' has ${values.codes.length} rows, expected ${n}.`);
    const used = new Set<string>();
    let missing = false;
    for (let i = 0; i < n; i++) {
      const c = values.codes[i] as number;
      if (c < 0) missing = true;
      else used.add(values.dictionary[c] as string);
    }
    const labels = [...used].sort();
    if (missing) labels.push(MISSING_GROUP);
    const index = new Map(labels.map((l, i) => [l, i]));
    const dictToCode = values.dictionary.map((d) => index.get(d) ?? -1);
    const codes = new Int32Array(n);
    const missingCode = missing ? labels.length - 1 : -1;
    for (let i = 0; i < n; i++) {
      const c = values.codes[i] as number;
      codes[i] = c < 0 ? missingCode : (dictToCode[c] as number);
    }
    return { name: f.name, labels, codes };
  }
  const arr = values as ArrayLike<string | number | null>;
  if (arr.length !== n) throw new MetricInputError(`Feature '${f.name}' has ${arr.length} rows, expected ${n}.`);
  const nums = new Set<number>();
  const strs = new Set<string>();
  let missing = false;
  for (let i = 0; i < n; i++) {
    const v = arr[i];
    if (v === null || v === undefined || (typeof v === "number" && Number.isNaN(v))) missing = true;
    else if (typeof v === "number") nums.add(v);
    else strs.add(v);
  }
  const sortedNums = [...nums].sort((a, b) => a - b);
  const labels = [...sortedNums.map(String), ...[...strs].sort()];
  if (missing) labels.push(MISSING_GROUP);
  const numIndex = new Map(sortedNums.map((v, i) => [v, i]));
  const strIndex = new Map([...strs].sort().map((v, i) => [v, sortedNums.length + i]));
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = arr[i];
    if (v === null || v === undefined || (typeof v === "number" && Number.isNaN(v))) codes[i] = labels.length - 1;
    else if (typeof v === "number") codes[i] = numIndex.get(v) as number;
    else codes[i] = strIndex.get(v) as number;
  }
  return { name: f.name, labels, codes };
}

/** Combined code over several features (mixed radix, first feature most significant). */
export function combine(features: EncodedFeature[], n: number): { codes: Int32Array; size: number; decode: (c: number) => string[] } {
  const sizes = features.map((f) => f.labels.length);
  const size = sizes.reduce((a, b) => a * b, 1);
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let c = 0;
    for (let k = 0; k < features.length; k++) c = c * (sizes[k] as number) + ((features[k] as EncodedFeature).codes[i] as number);
    codes[i] = c;
  }
  const decode = (c: number): string[] => {
    const out: string[] = new Array<string>(features.length);
    let r = c;
    for (let k = features.length - 1; k >= 0; k--) {
      const s = sizes[k] as number;
      out[k] = (features[k] as EncodedFeature).labels[r % s] as string;
      r = Math.floor(r / s);
    }
    return out;
  };
  return { codes, size, decode };
}
