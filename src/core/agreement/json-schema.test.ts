import { describe, expect, it } from 'vitest';
import { agreementJsonSchema, formatJsonSchema } from './json-schema.ts';
import { Agreement } from './schema/agreement.ts';

// biome-ignore lint/suspicious/noExplicitAny: the generated schema is read as plain JSON.
type Json = any;

describe('agreementJsonSchema', () => {
  const schema = agreementJsonSchema() as Json;

  it('is draft 2020-12 with a stable $id, a title and a description, and the root inline', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe('https://truce.example/schema/agreement.schema.json');
    expect(schema.title).toBe('Truce agreement or proposal');
    expect(schema.description).toMatch(/agreement or proposal/);
    expect(schema.$ref).toBeUndefined();
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
  });

  it('has every field of the zod schema, and requires the same ones', () => {
    expect(Object.keys(schema.properties)).toEqual(Object.keys(Agreement.shape));
    expect(schema.required).toEqual([
      'id',
      'title',
      'version',
      'kind',
      'timeZone',
      'parties',
      'phases',
      'provisions',
    ]);
  });

  it('names every provision kind', () => {
    const kinds = schema.properties.provisions.items.oneOf.map((o: Json) => o.properties.kind.const);
    expect(kinds).toEqual([
      'cessation',
      'exchange',
      'aid',
      'withdrawal',
      'displaced-return',
      'crossing',
      'medical-evacuation',
      'localized-pause',
      'negotiation',
      'milestone',
      'text',
    ]);
  });

  it('is formatted with two spaces and a final newline, the same on every call', () => {
    const text = formatJsonSchema();
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe('  "$schema": "https://json-schema.org/draft/2020-12/schema",');
    expect(formatJsonSchema()).toBe(text);
  });
});
