import { Prisma } from "@/lib/prisma/generated/client";

/** A plain JSON copy for a Json column: bigints become strings, NaN and Infinity become null. */
export function toJson(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(
    JSON.stringify(value, (_key, v: unknown) => {
      if (typeof v === "bigint") return v.toString();
      if (typeof v === "number" && !Number.isFinite(v)) return null;
      if (ArrayBuffer.isView(v)) return undefined;
      return v;
    }),
  ) as Prisma.InputJsonValue;
}

/** Like toJson, with null stored as JSON null. */
export function toJsonOrNull(value: unknown): Prisma.InputJsonValue | typeof Prisma.JsonNull {
  return value === null || value === undefined ? Prisma.JsonNull : toJson(value);
}
