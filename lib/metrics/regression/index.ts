export * from "./mean-absolute-error";
export * from "./root-mean-squared-error";
export * from "./mean-absolute-percentage-error";
export * from "./r2-score";
export * from "./residual-quantiles";
export * from "./error-histogram";
export * from "./binned-predictions";
