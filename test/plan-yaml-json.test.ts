import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseAgreement } from '../src/core/agreement/index.ts';
import type { Agreement } from '../src/core/agreement/types.ts';
import { pause } from '../src/core/plan/fixtures/pause.ts';
import { planAgreement } from '../src/core/plan/plan-agreement.ts';

function parsed(text: string, file: string): Agreement {
  const r = parseAgreement(text, file);
  if (!r.ok) throw new Error(`${file}: ${r.errors.map((e) => e.message).join('; ')}`);
  return r.agreement;
}

/** Random but valid variations of the pause: length, totals, cadence, extension size, what-ifs. */
const variant = fc
  .record({
    length: fc.integer({ min: 1, max: 30 }),
    perDay: fc.integer({ min: 1, max: 20 }),
    ratio: fc.integer({ min: 1, max: 50 }),
    every: fc.integer({ min: 1, max: 7 }),
    daily: fc.boolean(),
    trucks: fc.integer({ min: 0, max: 1000 }),
    extend: fc.integer({ min: 0, max: 4 }),
    delay: fc.integer({ min: 0, max: 48 }),
  })
  .map((v) => {
    const a = pause();
    a.phases[0]!.lengthDays = v.length;
    const ex = a.provisions[0]!;
    if (ex.kind !== 'exchange') throw new Error('fixture');
    ex.release.minPerBatch = undefined;
    ex.release.cadence = v.daily ? 'daily' : { everyDays: v.every };
    const batches = v.daily ? v.length : Math.floor((v.length - 1) / v.every) + 1;
    ex.release.total = batches * v.perDay;
    for (const c of ex.release.categories) c.ratio = v.ratio;
    const aid = a.provisions[1]!;
    if (aid.kind === 'aid') aid.perDay[0]!.quantity = v.trucks;
    return { agreement: a, options: { extend: v.extend, delay: { exchange: v.delay } } };
  });

describe('the YAML and the JSON of one agreement plan identically', () => {
  it('for random agreements and what-ifs (fast-check)', () => {
    fc.assert(
      fc.property(variant, ({ agreement, options }) => {
        const fromYaml = parsed(stringify(agreement), 'a.yaml');
        const fromJson = parsed(JSON.stringify(agreement, null, 2), 'a.json');
        expect(fromJson).toEqual(fromYaml);
        expect(planAgreement(fromJson, options)).toEqual(planAgreement(fromYaml, options));
      }),
      { numRuns: 60 },
    );
  });

  it.each(readdirSync(new URL('../examples/agreements/', import.meta.url)))('for the example %s', (file) => {
    const yamlText = readFileSync(new URL(`../examples/agreements/${file}`, import.meta.url), 'utf8');
    const fromYaml = parsed(yamlText, file);
    const fromJson = parsed(JSON.stringify(fromYaml), file.replace(/\.yaml$/, '.json'));
    expect(planAgreement(fromJson)).toEqual(planAgreement(fromYaml));
  });
});
