import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatError, parseAgreement } from '../src/core/agreement/index.ts';

const BAD = join(import.meta.dirname, 'fixtures', 'agreements-bad');
const GOOD = join(import.meta.dirname, 'fixtures', 'agreements-good');

/** Each bad fixture is minimal.yaml (or minimal.json) with one mistake: the one error it must give. */
const manifest: [file: string, code: string, line: number, column: number, fragment: string][] = [
  ['agreement-without-start.yaml', 'agreement-without-start', 5, 7, 'needs a start date-time'],
  ['alias-bomb.yaml', 'yaml-alias-expansion', 35, 10, 'expand this document from 267 to 4.9e+8 nodes'],
  ['bad-date-time.yaml', 'bad-date-time', 7, 8, 'a date-time with an offset'],
  ['bad-enum.yaml', 'bad-enum', 77, 15, 'Allowed values: "truck", "litre"'],
  ['bad-time-of-day.yaml', 'bad-time-of-day', 51, 19, 'a time of day as HH:MM'],
  [
    'batch-after-phase-end.yaml',
    'batch-after-phase-end',
    102,
    35,
    'until day 49, after the end of phase "second"',
  ],
  [
    'category-counts-over-total.yaml',
    'category-counts-over-total',
    90,
    9,
    'add up to 35, more than the release total of 33',
  ],
  ['condition-on-itself.yaml', 'condition-on-itself', 120, 29, '"crossing" is conditional on itself'],
  [
    'day-after-phase-end.yaml',
    'day-after-phase-end',
    113,
    12,
    'day 50 of phase "second", which lasts only 42 days',
  ],
  ['day-range-reversed.yaml', 'day-range-reversed', 102, 24, 'fromDay 44 is after toDay 42'],
  ['duplicate-key.yaml', 'duplicate-key', 114, 5, 'Duplicate key'],
  ['duplicate-provision-id.yaml', 'duplicate-id', 121, 9, 'Duplicate provision id "aid"'],
  ['empty-hour-window.yaml', 'empty-hour-window', 69, 34, 'starts and ends at 10:00'],
  [
    'extension-not-exchange.yaml',
    'extension-not-exchange',
    28,
    25,
    'a provision of kind "aid", not an exchange',
  ],
  ['json-comment.json', 'json-syntax', 6, 3, 'Comments are not allowed in JSON'],
  ['json-duplicate-key.json', 'duplicate-key', 6, 3, 'Duplicate key "kind"'],
  ['json-syntax.json', 'json-syntax', 56, 23, 'Trailing comma before }'],
  ['json-unknown-key.json', 'unknown-key', 226, 7, 'Unknown key "deadline"'],
  ['json-wrong-type.json', 'wrong-type', 56, 21, 'Expected a whole number, found the text "42"'],
  ['localized-text-key.yaml', 'unknown-key', 13, 39, 'Unknown key "fr". Allowed keys here: en, ar, he.'],
  ['min-per-batch.yaml', 'min-per-batch-unmet', 50, 20, 'At least 60 persons per batch cannot be met'],
  [
    'missing-condition-provision.yaml',
    'unknown-provision',
    120,
    29,
    'names provision "stage", which is not defined',
  ],
  ['missing-field.yaml', 'missing-field', 70, 5, 'Missing required field "phase"'],
  ['missing-kind.yaml', 'missing-field', 121, 5, 'Missing required field "kind": one of cessation, exchange'],
  ['missing-party.yaml', 'unknown-party', 56, 14, '"c" is not one of the agreement\'s parties'],
  ['missing-phase.yaml', 'unknown-phase', 108, 12, 'phase "third", which is not defined'],
  ['phase-before-start.yaml', 'phase-before-start', 24, 19, 'starts on day 0, before the agreement starts'],
  ['phase-cycle.yaml', 'phase-cycle', 31, 26, 'pause → second → pause'],
  ['phase-start-form.yaml', 'no-matching-form', 24, 12, 'found a mapping with keys days'],
  ['ratio-impossible.yaml', 'ratio-impossible', 57, 14, 'counterpart total of 100 cannot be met'],
  ['ratio-mismatch.yaml', 'ratio-mismatch', 105, 14, '30×30 + 3×50 = 1050'],
  ['schedule-total.yaml', 'schedule-total-mismatch', 100, 11, 'add up to 34, but the release total is 33'],
  [
    'unknown-key.yaml',
    'unknown-key',
    51,
    7,
    'Unknown key "perBatchMax". Allowed keys here: party, to, total',
  ],
  ['unknown-kind.yaml', 'unknown-kind', 61, 11, 'Unknown kind "ceasefire". Known kinds: cessation'],
  ['unknown-quota.yaml', 'unknown-quota', 81, 17, 'part of "lorries", which is not a quota'],
  ['unknown-time-zone.yaml', 'unknown-time-zone', 6, 11, '"Asia/Gazza" is not an IANA time zone'],
  ['windows-missing.yaml', 'windows-missing', 67, 18, 'allowed only in hour windows, but no windows'],
  [
    'wrong-role.yaml',
    'wrong-role',
    37,
    19,
    'has role "mediator", but this must be a party with role "intermediary"',
  ],
  ['wrong-type.yaml', 'wrong-type', 25, 17, 'Expected a whole number, found the text "four"'],
  ['yaml-syntax.yaml', 'yaml-syntax', 64, 5, 'Flow sequence in block collection'],
  ['yaml-version.yaml', 'yaml-version', 2, 1, 'Only YAML 1.2 is accepted'],
  [
    'zero-per-day.yaml',
    'zero-per-day',
    82,
    19,
    'The quota "fuel" is 0 a day, which asks nothing of anyone; give the number agreed per day, or, for a total over the whole phase, write it under `extra`',
  ],
];

describe('bad agreement fixtures', () => {
  it('lists every file in the folder, and more than 25', () => {
    expect(manifest.map((m) => m[0]).sort()).toEqual(readdirSync(BAD).sort());
    expect(manifest.length).toBeGreaterThanOrEqual(25);
  });

  it.each(['minimal.yaml', 'minimal.json'])('the base fixture %s is valid without warnings', (file) => {
    const result = parseAgreement(readFileSync(join(GOOD, file), 'utf8'), file);
    expect(result).toMatchObject({ ok: true, warnings: [] });
  });

  it.each(manifest)('%s gives %s at %i:%i', (file, code, line, column, fragment) => {
    const result = parseAgreement(readFileSync(join(BAD, file), 'utf8'), `agreements-bad/${file}`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    const [error] = result.errors;
    expect({ code: error!.code, line: error!.line, column: error!.column }).toEqual({ code, line, column });
    expect(error!.message).toContain(fragment);
    expect(formatError(error!)).toMatch(
      new RegExp(`^agreements-bad/${file.replace('.', '\\.')}:${line}:${column}: `),
    );
  });
});
