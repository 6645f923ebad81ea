/**
 * protobufjs decodes int64 fields as `Long` objects when the `long` package is reachable (Node) and
 * as plain numbers otherwise (most browser bundles). These helpers accept either.
 */
interface LongLike {
  readonly low: number;
  readonly high: number;
  readonly unsigned: boolean;
}

function isLongLike(value: unknown): value is LongLike {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { low?: unknown }).low === "number" &&
    typeof (value as { high?: unknown }).high === "number"
  );
}

/** Exact value of a protobuf int64 field. */
export function int64ToBigInt(value: unknown): bigint {
  if (typeof value === "bigint") return value;
  if (typeof value === "number") return BigInt(Math.trunc(value));
  if (typeof value === "string") return BigInt(value);
  if (isLongLike(value)) {
    const bits = (BigInt(value.high >>> 0) << 32n) | BigInt(value.low >>> 0);
    return value.unsigned ? BigInt.asUintN(64, bits) : BigInt.asIntN(64, bits);
  }
  return 0n;
}

/** Value of a protobuf int64 field as a number (exact below 2^53, which covers dims, versions, ids). */
export function int64ToNumber(value: unknown): number {
  if (typeof value === "number") return value;
  return Number(int64ToBigInt(value));
}
