import { readFile, stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { formatError, parseAgreement } from '../core/agreement/index.ts';
import type { Agreement } from '../core/agreement/types.ts';
import { InputError, type Io } from './io.ts';

/** Agreement files larger than this are refused before they are read. */
export const MAX_AGREEMENT_BYTES = 1024 * 1024;

export type Loaded =
  | {
      ok: true;
      file: string;
      bytes: Uint8Array<ArrayBuffer>;
      agreement: Agreement;
      warnings: string[];
      /** What the reader should know with nothing to fix: sources that state different figures. */
      info: string[];
    }
  | {
      ok: false;
      file: string;
      errors: { code: string; message: string; line: number; column: number; text: string }[];
    };

/** Reads and checks one agreement file; every problem comes back located, nothing is thrown. */
export async function loadAgreementFile(given: string, io: Io): Promise<Loaded> {
  // Read where the command runs (its working folder), and named as the user named it from there.
  const path = resolve(io.cwd, given);
  const file = relative(io.cwd, path) || given;
  const fail = (code: string, message: string): Loaded => ({
    ok: false,
    file,
    errors: [{ code, message, line: 1, column: 1, text: `${file}:1:1: ${message}` }],
  });
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) return fail('file-not-regular', `${file} is not a file.`);
    size = s.size;
  } catch {
    return fail('file-not-found', `Cannot read ${file}: no such file. Check the path.`);
  }
  if (size > MAX_AGREEMENT_BYTES) {
    return fail(
      'file-too-large',
      `${file} is ${size} bytes; agreement files are limited to ${MAX_AGREEMENT_BYTES} bytes.`,
    );
  }
  const bytes = await readFile(path);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('file-not-utf8', `${file} is not valid UTF-8 text. Save it as UTF-8.`);
  }
  const result = parseAgreement(text, file);
  if (!result.ok) {
    return {
      ok: false,
      file,
      errors: result.errors.map((e) => ({
        code: e.code,
        message: e.message,
        line: e.line,
        column: e.column,
        text: formatError(e),
      })),
    };
  }
  return {
    ok: true,
    file,
    bytes,
    agreement: result.agreement,
    warnings: result.warnings.map((w) => (typeof w === 'string' ? w : formatError(w))),
    info: result.info.map(formatError),
  };
}

/** Loads an agreement or throws an InputError carrying every located message. */
export async function requireAgreement(path: string, io: Io): Promise<Agreement> {
  const loaded = await loadAgreementFile(path, io);
  if (!loaded.ok) {
    throw new InputError(loaded.errors[0]!.code, loaded.errors.map((e) => e.text).join('\n'));
  }
  return loaded.agreement;
}
