/** A step into a parsed file: a key of a mapping or an index into a list. */
export type PathSegment = string | number;
export type Path = PathSegment[];

/**
 * A problem found in an agreement file, located at a line and column (both from 1; 0 when the
 * agreement did not come from a file) and at a path into the document.
 */
export interface AgreementError {
  code: string;
  message: string;
  file: string;
  line: number;
  column: number;
  path: Path;
  /** What would have been accepted here, in a few words. */
  expected?: string;
}

export interface Position {
  line: number;
  column: number;
}

/** `provisions[3].release.total`; the empty path is the document itself. */
export function formatPath(path: Path): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out || '(document)';
}

/** `file:line:column: message (at path)`, the form the command line prints. */
export function formatError(e: AgreementError): string {
  const where = e.line > 0 ? `${e.file}:${e.line}:${e.column}` : e.file;
  return `${where}: ${e.message} (at ${formatPath(e.path)})`;
}

/** Words for a value found in a file, e.g. `the number 42`, `a list`, `nothing`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value (null)';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return `the text ${JSON.stringify(shown)}`;
  }
  if (typeof value === 'number') {
    return Number.isInteger(value) ? `the whole number ${value}` : `the number ${value}`;
  }
  if (typeof value === 'boolean') return `the boolean ${value}`;
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  if (typeof value === 'object') {
    const keys = Object.keys(value);
    return keys.length ? `a mapping with keys ${keys.join(', ')}` : 'an empty mapping';
  }
  return `a value of type ${typeof value}`;
}
