import { z } from 'zod';
import { Agreement } from './schema/agreement.ts';

export const AGREEMENT_SCHEMA_ID = 'https://truce.example/schema/agreement.schema.json';

const DESCRIPTION =
  'An agreement or proposal of a mediated truce, written as YAML or JSON: the parties and their roles, ' +
  'the phases (start, length, extension rule) and typed provisions (cessation of hostilities, exchange, ' +
  'aid, withdrawal, displaced return, crossing, medical evacuation, localized pause, negotiation, text). ' +
  'Generated from the zod schema of the agreement language; `truce validate` also checks the rules a ' +
  'JSON Schema cannot express (references between ids, ratios, schedules, days within phases).';

/**
 * The agreement language as JSON Schema (draft 2020-12), describing what a file may contain
 * (zod's input side). The root is written inline with a stable $id, title and description.
 */
export function agreementJsonSchema(): Record<string, unknown> {
  const meta = z.globalRegistry.get(Agreement);
  // A fresh object over the same shape: zod would move a schema carrying an `id` into $defs.
  const root = z.strictObject(Agreement.shape);
  const generated = z.toJSONSchema(root, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
  const { $schema, ...body } = generated;
  return {
    $schema,
    $id: meta?.id ?? AGREEMENT_SCHEMA_ID,
    title: meta?.title ?? 'Truce agreement or proposal',
    description: DESCRIPTION,
    ...body,
  };
}

/** The exact text of schema/agreement.schema.json. */
export function formatJsonSchema(): string {
  return `${JSON.stringify(agreementJsonSchema(), null, 2)}\n`;
}
