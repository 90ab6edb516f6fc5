import { csvRow } from './csv.ts';

/** A value of one cell: text, a number, a yes/no, or nothing. */
export type Cell = string | number | boolean | null;

/**
 * One column of a table export: its CSV name, its HXL hashtag (Humanitarian Exchange Language,
 * hxlstandard.org: `#hashtag+attribute…`), what it holds, and how a row gives its value.
 */
export interface Column<R> {
  name: string;
  hxl: string;
  description: string;
  value(row: R): Cell;
  /** The value in a JSON export when it is richer than the cell (e.g. an object the CSV spells as JSON). */
  json?(row: R): unknown;
}

/** The first lines of a CSV: the header row and, for HXL, the row of hashtags beneath it. */
export function csvHead<R>(columns: readonly Column<R>[], hxl: boolean): string {
  const header = csvRow(columns.map((c) => c.name));
  return hxl ? header + csvRow(columns.map((c) => c.hxl)) : header;
}

/** One data row of a CSV, each text cell safe to open in a spreadsheet. */
export function csvLine<R>(columns: readonly Column<R>[], row: R): string {
  return csvRow(columns.map((c) => c.value(row)));
}

/** One row as a JSON object keyed by column name. */
export function jsonRecord<R>(columns: readonly Column<R>[], row: R): Record<string, unknown> {
  return Object.fromEntries(columns.map((c) => [c.name, c.json ? c.json(row) : c.value(row)]));
}

/** A whole table as CSV text, with the HXL hashtag row when `hxl`. */
export function tableCsv<R>(columns: readonly Column<R>[], rows: Iterable<R>, hxl: boolean): string {
  let out = csvHead(columns, hxl);
  for (const row of rows) out += csvLine(columns, row);
  return out;
}
