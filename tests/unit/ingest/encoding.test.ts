import { describe, expect, it } from "vitest";
import { cellText, findColumn, parseCsv } from "../../../lib/ingest";
import { firstInvalidUtf8 } from "../../../lib/ingest/text-decoding";
import { badFixture, expectIngestError, streamOf } from "./helpers";

const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe("text encodings", () => {
  it("a UTF-8 BOM is dropped, also when the stream delivers it byte by byte", async () => {
    const r = await parseCsv(streamOf(badFixture("bom.csv"), 1), { file: "bom.csv" });
    expect(r.details).toMatchObject({ bom: true, encoding: "utf-8", delimiter: "," });
    expect(r.table.columns[0]?.name).toBe("age");
    const s = await parseCsv("\ufeffx,y\n1,2\n", { file: "s.csv" });
    expect(s.details.bom).toBe(true);
    expect(s.table.columns[0]?.name).toBe("x");
  });

  it("Windows-1252 bytes from the first non-ASCII byte: read as Windows-1252, with a warning", async () => {
    const r = await parseCsv(latin1("name,price\nCaf\xe9,3\nCr\xe8me br\xfbl\xe9e,5\n\x80uro,1\n"), { file: "menu.csv" });
    const name = findColumn(r.table, "name");
    expect(name === undefined ? [] : [0, 1, 2].map((i) => cellText(name, i))).toEqual(["Café", "Crème brûlée", "€uro"]);
    expect(r.details.encoding).toBe("windows-1252");
    expect(r.schema.warnings[0]).toContain("Windows-1252");
  });

  it("Windows-1252 later in a long stream still falls back when all before was ASCII", async () => {
    const text = `id,city\n${Array.from({ length: 20000 }, (_, i) => `${i},Paris`).join("\n")}\n20000,M\xe1laga\n`;
    const r = await parseCsv(streamOf(latin1(text), 8192), { file: "long.csv" });
    const city = findColumn(r.table, "city");
    expect(city === undefined ? "" : cellText(city, 20000)).toBe("Málaga");
  });

  it("with encoding utf-8 a Latin-1 byte is an error at its row", async () => {
    await expectIngestError(() => parseCsv(latin1("name,price\nTea,2\nCaf\xe9,3\n"), { file: "menu.csv", encoding: "utf-8" }), {
      code: "invalid_encoding",
      file: "menu.csv",
      row: 3,
      problem: ["0xE9"],
    });
  });

  it("explicit windows-1252 and UTF-16 big-endian", async () => {
    const r = await parseCsv(latin1("a\nna\xefve\n"), { file: "w.csv", encoding: "windows-1252" });
    expect(r.table.columns[0] && cellText(r.table.columns[0], 0)).toBe("naïve");
    const text = "a;b\n1;é\n";
    const be = new Uint8Array(2 + text.length * 2);
    be[0] = 0xfe;
    be[1] = 0xff;
    for (let i = 0; i < text.length; i++) {
      be[2 + 2 * i] = text.charCodeAt(i) >> 8;
      be[3 + 2 * i] = text.charCodeAt(i) & 0xff;
    }
    const u = await parseCsv(be, { file: "be.csv" });
    expect(u.details.encoding).toBe("utf-16be");
    expect(u.table.columns[1] && cellText(u.table.columns[1], 0)).toBe("é");
  });

  it("NUL bytes or many control characters mean binary", async () => {
    await expectIngestError(() => parseCsv(Uint8Array.from([0x61, 0x2c, 0x62, 0x0a, 0x31, 0x00, 0x32, 0x0a]), { file: "nul.csv" }), { code: "binary_file", file: "nul.csv" });
  });

  it.each<[string, number[], number]>([
    ["ASCII", [0x61, 0x62], -1],
    ["2-byte é", [0xc3, 0xa9], -1],
    ["3-byte €", [0xe2, 0x82, 0xac], -1],
    ["4-byte emoji", [0xf0, 0x9f, 0x98, 0x80], -1],
    ["incomplete at the end", [0x61, 0xe2, 0x82], -1],
    ["Latin-1 é", [0x61, 0xe9, 0x62], 1],
    ["overlong", [0xc0, 0xaf], 0],
    ["surrogate", [0xed, 0xa0, 0x80], 0],
    ["bad continuation", [0xe2, 0x28, 0xa1], 0],
    ["lone continuation", [0x61, 0x80], 1],
  ])("firstInvalidUtf8: %s", (_name, bytes, expected) => expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(expected));
});
