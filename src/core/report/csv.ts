/**
 * CSV per RFC 4180, safe against formula injection: a text cell that a spreadsheet would read as a
 * formula (starting with =, +, -, @, tab or carriage return, after any single quotes) is prefixed
 * with one more single quote, which `csvUnneutralised` takes off again: the pair is exact.
 */
const FORMULA = /^'*[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const safe = FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvRow(values: (string | number | boolean | null | undefined)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/** A text cell as csvCell neutralised it, given back exactly: one leading quote off `'=…`, `''+…`. */
export function csvUnneutralised(cell: string): string {
  return /^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}
