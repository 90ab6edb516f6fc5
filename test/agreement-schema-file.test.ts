import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatJsonSchema } from '../src/core/agreement/index.ts';

const FILE = join(import.meta.dirname, '..', 'schema', 'agreement.schema.json');

describe('schema/agreement.schema.json', () => {
  it('is the JSON Schema generated from the zod schema', () => {
    const committed = readFileSync(FILE, 'utf8');
    const fresh = formatJsonSchema();
    if (committed !== fresh) {
      expect.fail('schema/agreement.schema.json is stale: run `npm run schema` and commit the result.');
    }
    expect(JSON.parse(committed).$id).toBe('https://truce.example/schema/agreement.schema.json');
  });
});
