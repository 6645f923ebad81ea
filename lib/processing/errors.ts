/** Why a declared processing cannot be used, in plain words that name the formula, column or value at fault. */
export type ProcessingErrorCode =
  | "INVALID_PROCESSING"
  | "INVALID_FORMULA"
  | "UNKNOWN_COLUMN"
  | "INVALID_SCALER"
  | "NOT_NUMERIC"
  | "TRANSFORM_DOES_NOT_FIT";

export class ProcessingError extends Error {
  constructor(
    readonly code: ProcessingErrorCode,
    message: string,
    readonly details: Readonly<Record<string, string | number>> = {},
  ) {
    super(message);
    this.name = "ProcessingError";
  }
}
