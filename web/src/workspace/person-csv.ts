import type { PersonRecord } from '../../../src/core/ledger/commitment.ts';
import { parseCsv } from '../../../src/core/report/csv-parse.ts';

/**
 * Person records from a CSV with a header row. Known columns: `name_ar`, `name_he`, `name_en` (or
 * `name_latin`), `variants` (spellings separated by `;`), `age`, `category`; any other column is
 * kept as text. Every row needs at least one name. Strings come back in Unicode NFC.
 */
export function personsFromCsv(
  text: string,
): { ok: true; records: PersonRecord[] } | { ok: false; errors: string[] } {
  let rows: { line: number; cells: string[] }[];
  try {
    rows = parseCsv(text).filter((r) => r.cells.some((c) => c.trim() !== ''));
  } catch (e) {
    return { ok: false, errors: [(e as Error).message] };
  }
  const [header, ...data] = rows;
  if (!header)
    return {
      ok: false,
      errors: ['The file is empty: give a header row (name_ar,name_he,name_en,…) and one row per person.'],
    };
  const columns = header.cells.map((c) => c.trim().toLowerCase());
  const nameColumns = ['name_ar', 'name_he', 'name_en', 'name_latin'];
  if (!columns.some((c) => nameColumns.includes(c))) {
    return {
      ok: false,
      errors: [`Line ${header.line}: the header names no name column (${nameColumns.join(', ')}).`],
    };
  }
  const errors: string[] = [];
  const records: PersonRecord[] = [];
  for (const row of data) {
    const names: Record<string, string> = {};
    const record: PersonRecord = {};
    columns.forEach((column, i) => {
      const value = (row.cells[i] ?? '').trim().normalize('NFC');
      if (!value) return;
      if (column === 'name_ar') names.ar = value;
      else if (column === 'name_he') names.he = value;
      else if (column === 'name_en' || column === 'name_latin') names.en = value;
      else if (column === 'variants')
        record.variants = value
          .split(';')
          .map((v) => v.trim())
          .filter(Boolean);
      else if (column === 'age') {
        if (/^\d{1,3}$/.test(value)) record.age = Number(value);
        else errors.push(`Line ${row.line}: age "${value}" is not a whole number.`);
      } else if (column) record[column] = value;
    });
    if (Object.keys(names).length === 0) errors.push(`Line ${row.line}: no name in any script.`);
    records.push({ names, ...record });
  }
  if (records.length === 0 && errors.length === 0) errors.push('The file has a header but no person.');
  return errors.length > 0 ? { ok: false, errors } : { ok: true, records };
}

/** Every name of a record (each script and each variant), for search and display. */
export function namesOfRecord(record: PersonRecord): string[] {
  const out: string[] = [];
  const names = record.names;
  if (names && typeof names === 'object') {
    for (const v of Object.values(names as Record<string, unknown>)) if (typeof v === 'string') out.push(v);
  }
  if (Array.isArray(record.variants)) for (const v of record.variants) if (typeof v === 'string') out.push(v);
  if (typeof record.name === 'string') out.push(record.name);
  return out;
}
