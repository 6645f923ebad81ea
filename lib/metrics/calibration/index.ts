export * from "./calibration-curve";
export * from "./calibration-error";
