/**
 * A small, bounded reader of Thrift's compact protocol: enough to read a Parquet page header (a few numbers)
 * at an offset the footer gives, without decoding the page. Generic on purpose: a struct is its fields by id.
 * Throws a plain Error on bytes that run out or nest too deep; the caller turns it into an IngestError.
 */

export type ThriftValue = number | bigint | boolean | Uint8Array | ThriftList | ThriftStruct;
export interface ThriftList {
  kind: "list";
  elemType: number;
  items: ThriftValue[];
}
export interface ThriftStruct {
  kind: "struct";
  fields: ThriftField[];
}
export interface ThriftField {
  id: number;
  type: number;
  value: ThriftValue;
}

/** Compact protocol type ids. */
export const T = { TRUE: 1, FALSE: 2, BYTE: 3, I16: 4, I32: 5, I64: 6, DOUBLE: 7, BINARY: 8, LIST: 9, SET: 10, MAP: 11, STRUCT: 12 } as const;

const MAX_DEPTH = 32;

export class ThriftReader {
  constructor(
    private readonly bytes: Uint8Array,
    public offset: number,
    private readonly end = bytes.length,
  ) {}

  private byte(): number {
    if (this.offset >= this.end) throw new Error("the header runs past the end of its data");
    return this.bytes[this.offset++] as number;
  }

  private varint(): bigint {
    let result = 0n;
    let shift = 0n;
    for (let i = 0; i < 10; i++) {
      const b = this.byte();
      result |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return result;
      shift += 7n;
    }
    throw new Error("a number in the header is too long");
  }

  private zigzag(): bigint {
    const n = this.varint();
    return (n >> 1n) ^ -(n & 1n);
  }

  private value(type: number, depth: number): ThriftValue {
    switch (type) {
      case T.TRUE:
        return true;
      case T.FALSE:
        return false;
      case T.BYTE:
        return this.byte();
      case T.I16:
      case T.I32:
        return Number(this.zigzag());
      case T.I64:
        return this.zigzag();
      case T.DOUBLE: {
        if (this.offset + 8 > this.end) throw new Error("the header runs past the end of its data");
        const v = new DataView(this.bytes.buffer, this.bytes.byteOffset + this.offset, 8).getFloat64(0, true);
        this.offset += 8;
        return v;
      }
      case T.BINARY: {
        const length = Number(this.varint());
        if (length > this.end - this.offset) throw new Error("a text in the header runs past the end of its data");
        const v = this.bytes.subarray(this.offset, this.offset + length);
        this.offset += length;
        return v;
      }
      case T.LIST:
      case T.SET: {
        const head = this.byte();
        let size = head >> 4;
        const elemType = head & 0x0f;
        if (size === 15) size = Number(this.varint());
        if (size > this.end - this.offset) throw new Error("a list in the header is longer than its data");
        const items: ThriftValue[] = [];
        for (let i = 0; i < size; i++) items.push(elemType === T.TRUE || elemType === T.FALSE ? this.byte() === 1 : this.value(elemType, depth + 1));
        return { kind: "list", elemType, items };
      }
      case T.STRUCT:
        return this.struct(depth + 1);
      default:
        throw new Error(`the header holds an unknown field type (${type})`);
    }
  }

  /** Reads one struct at the current offset. */
  struct(depth = 0): ThriftStruct {
    if (depth > MAX_DEPTH) throw new Error("the header nests too deep");
    const fields: ThriftField[] = [];
    let last = 0;
    for (;;) {
      const head = this.byte();
      if (head === 0) return { kind: "struct", fields };
      const type = head & 0x0f;
      const delta = head >> 4;
      const id = delta === 0 ? Number(this.zigzag()) : last + delta;
      last = id;
      const value = type === T.TRUE || type === T.FALSE ? type === T.TRUE : this.value(type, depth);
      fields.push({ id, type, value });
    }
  }
}

/** Field `id` of a struct, or undefined. */
export function field(struct: ThriftStruct | undefined, id: number): ThriftValue | undefined {
  return struct?.fields.find((f) => f.id === id)?.value;
}

/** A numeric field as a bigint (undefined when absent or not a number). */
export function intField(struct: ThriftStruct | undefined, id: number): bigint | undefined {
  const v = field(struct, id);
  return typeof v === "number" ? BigInt(v) : typeof v === "bigint" ? v : undefined;
}

export function structField(struct: ThriftStruct | undefined, id: number): ThriftStruct | undefined {
  const v = field(struct, id);
  return typeof v === "object" && v !== null && !(v instanceof Uint8Array) && v.kind === "struct" ? v : undefined;
}
