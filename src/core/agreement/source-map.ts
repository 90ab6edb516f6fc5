import type { AgreementError, Path } from './agreement-error.ts';
import { readJson } from './json-source.ts';
import { plainValue } from './plain-value.ts';
import { type Locate, lineStarts, makeLocator, positionAt } from './position-index.ts';
import { readYaml } from './yaml-source.ts';

export type { Locate } from './position-index.ts';

/** Agreement files larger than this (in UTF-8 bytes) are refused. */
export const MAX_SOURCE_BYTES = 1024 * 1024;

export type SourceFormat = 'yaml' | 'json';

export type ParsedSource =
  | { ok: true; format: SourceFormat; value: unknown; locate: Locate; warnings: AgreementError[] }
  | { ok: false; format: SourceFormat; errors: AgreementError[] };

/** JSON when the name ends in .json; YAML for .yaml/.yml; otherwise JSON when the text starts with { or [. */
export function detectFormat(text: string, fileName: string): SourceFormat {
  const name = fileName.toLowerCase();
  if (name.endsWith('.json')) return 'json';
  if (name.endsWith('.yaml') || name.endsWith('.yml')) return 'yaml';
  const first = /\S/.exec(text)?.[0];
  return first === '{' || first === '[' ? 'json' : 'yaml';
}

function utf8Length(text: string): number {
  if (text.length > MAX_SOURCE_BYTES) return text.length;
  if (text.length * 3 <= MAX_SOURCE_BYTES) return text.length;
  return new TextEncoder().encode(text).length;
}

/**
 * Parses agreement text (YAML 1.2 or JSON) into plain data, with every string in NFC, and a locator
 * that finds the line and column of any path into it. Syntax errors come back located.
 */
export function parseSource(input: string, file: string): ParsedSource {
  const format = detectFormat(input, file);
  const at = (
    line: number,
    column: number,
    code: string,
    message: string,
    path: Path = [],
  ): AgreementError => ({
    code,
    message,
    file,
    line,
    column,
    path,
  });
  const bytes = utf8Length(input);
  if (bytes > MAX_SOURCE_BYTES) {
    return {
      ok: false,
      format,
      errors: [
        at(
          1,
          1,
          'file-too-large',
          `The file is larger than ${MAX_SOURCE_BYTES} bytes (1 MiB), the limit for an agreement file; split it or remove unneeded parts.`,
        ),
      ],
    };
  }
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const starts = lineStarts(text);
  const located = (p: { code: string; message: string; offset: number; path: Path }) => {
    const pos = positionAt(starts, p.offset);
    return at(pos.line, pos.column, p.code, p.message, p.path);
  };
  const r = format === 'json' ? readJson(text) : readYaml(text);
  if (!r.ok) return { ok: false, format, errors: r.problems.map(located) };
  const warnings = r.warnings.map(located);
  const { value, spans } = r;
  const locate = makeLocator(spans, starts);
  const plain = plainValue(value);
  if (plain.problems.length) {
    return {
      ok: false,
      format,
      errors: plain.problems.map((p) => {
        const pos = locate(p.path);
        return at(pos.line, pos.column, 'unsupported-value', p.message, p.path);
      }),
    };
  }
  return { ok: true, format, value: plain.value, locate, warnings };
}
