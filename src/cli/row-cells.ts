import type { Shape } from './row-columns.ts';

/** A cell that does not spell a value of its column's shape; the message says what would. */
export class CellError extends Error {
  override name = 'CellError';
}

const parsesAsJson = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/** A cell with nothing in it (empty, blanks, or absent from a JSON line): the field is left out. */
export const isBlank = (raw: unknown) =>
  raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');

function text(raw: unknown, what: string): string {
  if (typeof raw !== 'string') throw new CellError(`expected ${what}, got ${JSON.stringify(raw)}`);
  return raw;
}

function items(raw: unknown): string[] {
  const list = Array.isArray(raw) ? raw : text(raw, 'items separated by ;').split(';');
  return list.map((item) => {
    const s = text(item, 'text items').trim();
    if (s === '') throw new CellError('an empty item between two ; (remove the extra ;)');
    return s;
  });
}

/**
 * The value of a field from a cell (a CSV cell is text; a JSON line may also give numbers,
 * booleans, arrays and objects). `resolve` turns a row id or leaf hash into a leaf hash.
 */
export function cellValue(shape: Shape, raw: unknown, resolve: (ref: string) => string): unknown {
  switch (shape) {
    case 'text':
      return text(raw, 'text').trim();
    case 'number': {
      if (typeof raw === 'number') return raw;
      const s = text(raw, 'a number').trim();
      if (!/^-?\d+(\.\d+)?$/.test(s)) throw new CellError(`"${s}" is not a number (digits only, e.g. 1200)`);
      return Number(s);
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return raw;
      const s = text(raw, 'yes or no').trim().toLowerCase();
      if (s === 'yes' || s === 'true') return true;
      if (s === 'no' || s === 'false') return false;
      throw new CellError(`"${s}" is not yes or no`);
    }
    case 'ref':
      return resolve(text(raw, 'an id or a leaf hash').trim());
    case 'list':
      return items(raw);
    case 'ref-list':
      return items(raw).map(resolve);
    case 'counts': {
      if (raw && typeof raw === 'object' && !Array.isArray(raw)) return raw;
      return Object.fromEntries(
        items(raw).map((item) => {
          const m = /^([^=]+?)\s*=\s*(-?\d+(?:\.\d+)?)$/.exec(item);
          if (!m) throw new CellError(`"${item}" is not NAME=NUMBER (e.g. living=3;remains=1)`);
          return [m[1]!, Number(m[2])];
        }),
      );
    }
    case 'scalar': {
      if (typeof raw !== 'string') return raw;
      const s = raw.trim();
      if (!parsesAsJson(s)) return raw;
      const v = JSON.parse(s);
      return ['number', 'string', 'boolean'].includes(typeof v) ? v : raw;
    }
    case 'json': {
      if (typeof raw !== 'string') return raw;
      try {
        return JSON.parse(raw);
      } catch {
        throw new CellError('expected JSON (e.g. {"count": 3})');
      }
    }
  }
}

/** The cell `truce export --csv` writes for a value, which cellValue reads back to the same value. */
export function valueCell(shape: Shape, value: unknown): string | number | null {
  if (value === undefined || value === null) return null;
  switch (shape) {
    case 'text':
    case 'ref':
      return typeof value === 'string' ? value : JSON.stringify(value);
    case 'number':
      return typeof value === 'number' ? value : JSON.stringify(value);
    case 'boolean':
      return value === true ? 'yes' : value === false ? 'no' : JSON.stringify(value);
    case 'list':
    case 'ref-list':
      return Array.isArray(value) ? value.join(';') : JSON.stringify(value);
    case 'counts':
      return Object.entries(value as Record<string, unknown>)
        .map(([k, v]) => `${k}=${v}`)
        .join(';');
    case 'scalar':
      return typeof value === 'number'
        ? value
        : typeof value === 'string' && !parsesAsJson(value.trim()) && value.trim() === value
          ? value
          : JSON.stringify(value);
    case 'json':
      return JSON.stringify(value);
  }
}
