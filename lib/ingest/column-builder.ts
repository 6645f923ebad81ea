/**
 * Builds one column cell by cell while a file streams in, in growable typed buffers (doubling), so
 * no per-row object is ever kept. A column starts as numbers (float64); at the first cell that is
 * neither a number nor a missing marker it switches to dictionary-encoded text, rewriting the
 * numbers read so far in canonical form (`String(value)`: "1.50" becomes "1.5") and canonicalising
 * later numbers the same way so equal numbers stay one category. A column whose first value is
 * text keeps every value exactly as written. Cells are trimmed of surrounding spaces.
 */
import type { MissingMatcher } from "./missing-values";
import { parseNumber } from "./parse-number";
import type { CellRef, RawColumn } from "./raw-column";

const INITIAL_CAPACITY = 1024;

/** Growable column for one CSV column (or any stream of text cells). */
export class ColumnBuilder {
  private n = 0;
  private capacity: number;
  private values: Float64Array | null;
  private codes: Int32Array | null = null;
  private dict: Map<string, number> | null = null;
  private entries: string[] = [];
  private sawNumber = false;
  private canonicalize = false;
  private firstText: CellRef | undefined;
  private firstInfinite: CellRef | undefined;

  constructor(
    readonly name: string,
    private readonly missing: MissingMatcher,
    initialCapacity = INITIAL_CAPACITY,
  ) {
    this.capacity = Math.max(16, initialCapacity);
    this.values = new Float64Array(this.capacity);
  }

  /** Number of cells pushed. */
  get length(): number {
    return this.n;
  }

  /** Append one cell as written in the file. */
  push(raw: string): void {
    let s = raw;
    const len = s.length;
    if (len !== 0 && (s.charCodeAt(0) <= 32 || s.charCodeAt(len - 1) <= 32)) s = s.trim();
    if (this.n === this.capacity) this.grow();
    const i = this.n++;
    const values = this.values;
    if (this.missing.isMissing(s)) {
      if (values !== null) values[i] = Number.NaN;
      else (this.codes as Int32Array)[i] = -1;
      return;
    }
    if (values !== null) {
      const v = parseNumber(s);
      if (v === v) {
        values[i] = v;
        this.sawNumber = true;
        if (v - v !== 0 && this.firstInfinite === undefined) this.firstInfinite = { index: i, text: s };
        return;
      }
      this.switchToText(i);
      this.firstText = { index: i, text: s };
    } else if (this.canonicalize) {
      const c = s.charCodeAt(0);
      if ((c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46) {
        const v = parseNumber(s);
        if (v - v === 0) s = String(v);
      }
    }
    (this.codes as Int32Array)[i] = this.code(s);
  }

  private code(s: string): number {
    const dict = this.dict as Map<string, number>;
    let k = dict.get(s);
    if (k === undefined) {
      k = this.entries.length;
      dict.set(s, k);
      this.entries.push(s);
    }
    return k;
  }

  private grow(): void {
    this.capacity *= 2;
    if (this.values !== null) {
      const next = new Float64Array(this.capacity);
      next.set(this.values);
      this.values = next;
    }
    if (this.codes !== null) {
      const next = new Int32Array(this.capacity);
      next.set(this.codes);
      this.codes = next;
    }
  }

  /** Rewrite rows [0, upTo) as text codes; numbers become canonical strings (and so will later ones). */
  private switchToText(upTo: number): void {
    const values = this.values as Float64Array;
    this.codes = new Int32Array(this.capacity);
    this.dict = new Map();
    this.canonicalize = this.sawNumber;
    for (let k = 0; k < upTo; k++) {
      const v = values[k] as number;
      this.codes[k] = Number.isNaN(v) ? -1 : this.code(String(v));
    }
    this.values = null;
  }

  /** The finished column, in exact-length buffers. */
  finish(): RawColumn {
    if (this.values !== null) {
      return {
        name: this.name,
        storage: "numeric",
        values: this.values.slice(0, this.n),
        ...(this.firstInfinite === undefined ? {} : { firstInfinite: this.firstInfinite }),
      };
    }
    return {
      name: this.name,
      storage: "text",
      codes: (this.codes as Int32Array).slice(0, this.n),
      dictionary: this.entries,
      ...(this.firstText === undefined ? {} : { firstText: this.firstText }),
      ...(this.canonicalize ? { canonicalizedNumbers: true } : {}),
    };
  }
}
