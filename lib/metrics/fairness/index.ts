export * from "./features";
export * from "./group-rates";
export * from "./aggregates";
export * from "./parity-metrics";
export * from "./aequitas";
export * from "./fairness-report";
export * from "./metric-frame";
export * from "./aequitas-parity";
