import { parse } from 'csv-parse/sync';
import { csvUnneutralised } from '../core/report/csv.ts';
import { counted } from './count-words.ts';
import { ALL_COLUMNS } from './row-columns.ts';
import type { Row } from './row-event.ts';

/** A monitor's file read into rows, and where each column sits (for line:column in errors). */
export interface MonitorRows {
  rows: Row[];
  /** The 1-based column of a CSV cell; a JSON line's fields are all at column 1. */
  columnOf(column: string | undefined): number;
}

/** A file that cannot be read as rows at all: the line at fault. */
export class FileError extends Error {
  override name = 'FileError';
  readonly line: number;
  readonly column: number;
  constructor(line: number, column: number, message: string) {
    super(message);
    this.line = line;
    this.column = column;
  }
}

function checkColumns(names: string[], line: number, at: (i: number) => number) {
  names.forEach((name, i) => {
    if (!ALL_COLUMNS.includes(name))
      throw new FileError(line, at(i), `unknown column "${name}"; the columns: ${ALL_COLUMNS.join(', ')}`);
    if (names.indexOf(name) !== i) throw new FileError(line, at(i), `the column "${name}" is named twice`);
  });
  if (!names.includes('kind') || !names.includes('occurred_at'))
    throw new FileError(line, 1, 'the columns "kind" and "occurred_at" are required');
}

/**
 * A CSV (RFC 4180: quoted cells, doubled quotes, newlines in quotes, CRLF or LF, a BOM) read with
 * csv-parse. A cell that `truce export` neutralised against formulas ('=…) is read back exactly.
 */
export function csvRows(text: string): MonitorRows {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      record_delimiter: ['\r\n', '\n', '\r'],
    }) as unknown as typeof records;
  } catch (e) {
    const err = e as Error & { lines?: number; code?: string };
    const what =
      err.code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'a quoted cell is not closed (a " is missing)'
        : `the CSV is malformed: ${err.message.replace(/ at line \d+.*$/, '')} (quote a cell that holds " as "…""…")`;
    throw new FileError(err.lines ?? 1, 1, what);
  }
  const [header, ...body] = records;
  if (!header) throw new FileError(1, 1, 'the file is empty; the first line names the columns');
  const names = header.record.map((c) => c.trim());
  checkColumns(names, 1, (i) => i + 1);
  const rows = body.map(({ record, info }) => {
    const newlines = record.reduce((n, c) => n + (c.match(/\r\n|\n|\r/g)?.length ?? 0), 0);
    const line = info.lines - newlines;
    if (record.length !== names.length)
      throw new FileError(
        line,
        1,
        `${counted(record.length, 'cell')}, but the header names ${counted(names.length, 'column')}`,
      );
    // Empty cells are left out: a row of an export has a column for every field of every kind.
    const cells = new Map<string, unknown>();
    names.forEach((n, i) => {
      if (record[i] !== '') cells.set(n, csvUnneutralised(record[i]!));
    });
    return { line, cells };
  });
  return { rows, columnOf: (c) => (c ? names.indexOf(c) + 1 || 1 : 1) };
}

/** True when a JSON line is a signed event (an export's events.jsonl), not a monitor's row. */
export const isSignedLine = (line: string) => /^\s*\{\s*"event"\s*:/.test(line);

/** A JSONL of monitor rows: one JSON object a line, its keys the CSV's columns. */
export function jsonlRows(text: string): MonitorRows {
  const rows: Row[] = [];
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      throw new FileError(i + 1, 1, `not JSON: ${(e as Error).message}`);
    }
    if (!value || typeof value !== 'object' || Array.isArray(value))
      throw new FileError(i + 1, 1, 'each line is one JSON object, its keys the columns');
    const names = Object.keys(value);
    for (const n of names)
      if (!ALL_COLUMNS.includes(n))
        throw new FileError(i + 1, 1, `unknown field "${n}"; the fields: ${ALL_COLUMNS.join(', ')}`);
    rows.push({ line: i + 1, cells: new Map(Object.entries(value)) });
  });
  return { rows, columnOf: () => 1 };
}
