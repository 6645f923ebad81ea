export * from "./prng";
export * from "./samplers";
export * from "./percentile-interval";
export * from "./bootstrap-ci";
export * from "./sample-size";
export * from "./closed-form-intervals";
