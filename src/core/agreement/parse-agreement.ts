import type { AgreementError } from './agreement-error.ts';
import { checkAgreement } from './check-agreement.ts';
import { Agreement as AgreementSchema } from './schema/agreement.ts';
import type { SchemaLike } from './schema-words.ts';
import { parseSource } from './source-map.ts';
import type { Agreement } from './types.ts';
import { describeIssues } from './zod-issues.ts';

export type ParseResult =
  | { ok: true; agreement: Agreement; warnings: AgreementError[]; info: AgreementError[] }
  | { ok: false; errors: AgreementError[]; warnings?: AgreementError[] };

const byPosition = (a: AgreementError, b: AgreementError) => a.line - b.line || a.column - b.column;

/**
 * Reads an agreement or proposal from YAML or JSON text: syntax, then the schema, then the rules
 * of the language (see checkAgreement). Every problem comes back located; nothing is thrown.
 * Every text is in Unicode NFC.
 */
export function parseAgreement(text: string, fileName: string): ParseResult {
  const source = parseSource(text, fileName);
  if (!source.ok) return { ok: false, errors: source.errors };
  const { value, locate, warnings } = source;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const found = value === null ? 'nothing' : Array.isArray(value) ? 'a list' : `a single ${typeof value}`;
    return {
      ok: false,
      errors: [
        {
          code: value === null ? 'empty-file' : 'not-a-mapping',
          message: `An agreement file holds one mapping (id, title, kind, parties, phases, provisions, …); this file holds ${found}.`,
          file: fileName,
          ...locate([]),
          path: [],
          expected: 'a mapping',
        },
      ],
    };
  }
  const parsed = AgreementSchema.safeParse(value);
  if (!parsed.success) {
    const drafts = describeIssues(parsed.error.issues, AgreementSchema as unknown as SchemaLike, value);
    const seen = new Set<string>();
    const errors: AgreementError[] = [];
    for (const d of drafts) {
      const key = `${d.code} ${JSON.stringify(d.path)} ${d.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      errors.push({
        code: d.code,
        message: d.message,
        file: fileName,
        ...locate(d.path, d.at),
        path: d.path,
        ...(d.expected ? { expected: d.expected } : {}),
      });
    }
    return { ok: false, errors: errors.sort(byPosition), warnings };
  }
  const checked = checkAgreement(parsed.data, { file: fileName, locate });
  const all = [...warnings, ...checked.warnings].sort(byPosition);
  if (checked.errors.length) return { ok: false, errors: checked.errors, warnings: all };
  return { ok: true, agreement: parsed.data, warnings: all, info: checked.info };
}
