/**
 * Formats Sightline does not read, refused by name before the body is read and by their first bytes
 * whatever the name: workbooks (xlsx, xls, ods, numbers), archives (zip, gz, 7z, tar, bz2, xz, rar) and
 * documents (pdf). Each refusal says how to save the data as CSV.
 */
import { IngestError } from "./ingest-error";

const SAVE_AS_CSV = 'Save the data as "CSV UTF-8" (in Excel: File > Save As) or export it as Parquet, and upload that file.';

const BY_EXTENSION: Readonly<Record<string, string>> = {
  xlsx: "an Excel workbook",
  xlsm: "an Excel workbook",
  xlsb: "an Excel workbook",
  xls: "an old Excel workbook",
  ods: "an OpenDocument spreadsheet",
  numbers: "a Numbers spreadsheet",
  zip: "a zip archive",
  gz: "a gzip-compressed file",
  tgz: "a compressed archive",
  bz2: "a compressed file",
  xz: "a compressed file",
  "7z": "a 7-Zip archive",
  rar: "a RAR archive",
  tar: "a tar archive",
  pdf: "a PDF document",
};

const BY_MAGIC: readonly [readonly number[], string][] = [
  [[0x50, 0x4b, 0x03, 0x04], "an Excel workbook or a zip archive"],
  [[0x50, 0x4b, 0x05, 0x06], "an empty zip archive"],
  [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], "an old Excel workbook (.xls)"],
  [[0x1f, 0x8b], "a gzip-compressed file"],
  [[0x25, 0x50, 0x44, 0x46, 0x2d], "a PDF document"],
  [[0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], "a 7-Zip archive"],
  [[0x42, 0x5a, 0x68], "a bzip2-compressed file"],
  [[0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], "an xz-compressed file"],
  [[0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], "a RAR archive"],
];

/** The file's extension, lower case, without the dot ("" when none). */
export function fileExtension(file: string): string {
  const dot = file.lastIndexOf(".");
  return dot < 0 ? "" : file.slice(dot + 1).toLowerCase();
}

function refusal(file: string, what: string): IngestError {
  return new IngestError({ code: "unsupported_format", file, problem: `This is ${what}; Sightline does not read spreadsheet workbooks, archives or documents.`, fix: SAVE_AS_CSV });
}

/** Refuses a file name whose extension is a format we do not read (before reading the body). */
export function refuseUnreadableName(file: string): void {
  const what = BY_EXTENSION[fileExtension(file)];
  if (what) throw refusal(file, what);
}

/** Refuses bytes that start like a workbook, archive or document, whatever the file is called. */
export function refuseUnreadableBytes(head: Uint8Array, file: string): void {
  for (const [magic, what] of BY_MAGIC) {
    if (head.length >= magic.length && magic.every((b, i) => head[i] === b)) throw refusal(file, what);
  }
}
