/**
 * Typed errors thrown by the metrics engine. Every error that the peer libraries raise as a
 * `ValueError` is thrown here as a {@link MetricInputError} with the peer's message, so callers
 * can tell bad input apart from bugs.
 */
export class MetricInputError extends Error {
  override readonly name = "MetricInputError";
  constructor(message: string) {
    super(message);
  }
}

/** Thrown when a drift column is empty after cleaning (Evidently's ValueError). */
export class EmptyColumnError extends MetricInputError {
  readonly column: string;
  readonly side: "reference" | "current";
  constructor(column: string, side: "reference" | "current") {
    super(`An empty column '${column}' was provided for drift calculation in the ${side} dataset.`);
    this.column = column;
    this.side = side;
  }
}
