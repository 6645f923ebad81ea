import type { ElementType } from "./element-type";

/** One dimension: a fixed size, a named (symbolic) size such as "N", or null when not declared. */
export type Dim = number | string | null;

export type ValueKind = "tensor" | "sequence" | "map" | "optional" | "sparse_tensor" | "unknown";

/** A graph input or output as the model declares it. */
export interface ValueSignature {
  readonly name: string;
  readonly kind: ValueKind;
  /** Element type of a tensor (or sparse tensor); null for sequences, maps and unknown types. */
  readonly elementType: ElementType | null;
  /** Declared dims; null when the rank itself is not declared. */
  readonly shape: readonly Dim[] | null;
  /** ONNX-style description, e.g. `tensor(float)[N, 3]` or `seq(map(string, tensor(float)))`. */
  readonly typeText: string;
  readonly docString: string;
}

export interface OpsetSignature {
  /** "ai.onnx" for the default domain. */
  readonly domain: string;
  readonly version: number;
}

export type ClassLabelType = "string" | "int64";

/** Class labels declared by a classifier operator (LinearClassifier, TreeEnsembleClassifier, SVMClassifier). */
export interface ClassifierSignature {
  readonly node: string;
  readonly opType: string;
  /** Labels as strings; int64 labels are written in decimal ("0", "1"). */
  readonly labels: readonly string[];
  readonly labelType: ClassLabelType;
}

/** A ZipMap node (tensor [N, C] -> sequence of maps) and its class labels, in column order. */
export interface ZipMapSignature {
  readonly node: string;
  readonly input: string;
  readonly output: string;
  readonly labels: readonly string[];
  readonly labelType: ClassLabelType;
  /** True when its output is a graph output, so prepareModel can replace it. */
  readonly trailing: boolean;
}

export interface OperatorCount {
  readonly domain: string;
  readonly opType: string;
  readonly count: number;
}

export interface ModelSignature {
  readonly irVersion: number;
  readonly producerName: string;
  readonly producerVersion: string;
  readonly domain: string;
  readonly modelVersion: number;
  readonly docString: string;
  readonly graphName: string;
  readonly opsets: readonly OpsetSignature[];
  /** Graph inputs that must be fed (initializers excluded). */
  readonly inputs: readonly ValueSignature[];
  readonly outputs: readonly ValueSignature[];
  /** metadata_props as a plain object. */
  readonly metadata: Readonly<Record<string, string>>;
  /** From the `feature_names` metadata (JSON array or comma-separated list), else null. */
  readonly featureNames: readonly string[] | null;
  readonly zipMap: ZipMapSignature | null;
  readonly classifier: ClassifierSignature | null;
  /** True when an input fixes its first (batch) dimension to 1: the model scores one row per run. */
  readonly batchFixedToOne: boolean;
  readonly operators: readonly OperatorCount[];
}
