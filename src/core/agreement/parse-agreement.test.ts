import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { formatError } from './agreement-error.ts';
import { parseAgreement } from './parse-agreement.ts';

const GOOD = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'agreements-good');
const yamlText = readFileSync(join(GOOD, 'minimal.yaml'), 'utf8');
const jsonText = readFileSync(join(GOOD, 'minimal.json'), 'utf8');

// biome-ignore lint/suspicious/noExplicitAny: fixture data is edited freely, one mistake at a time.
type Data = Record<string, any>;

/** The minimal fixture as plain data, to change one thing in. */
function base(): Data {
  return JSON.parse(jsonText);
}

function errorsOf(data: unknown, format: 'yaml' | 'json' = 'yaml') {
  const text = format === 'yaml' ? stringify(data) : JSON.stringify(data, null, 2);
  const r = parseAgreement(text, `a.${format}`);
  if (r.ok) throw new Error('expected errors');
  return { text, errors: r.errors };
}

function lineOf(text: string, line: number): string {
  return text.split('\n')[line - 1] ?? '';
}

describe('parseAgreement', () => {
  it('gives the same agreement from YAML and from JSON', () => {
    const fromYaml = parseAgreement(yamlText, 'minimal.yaml');
    const fromJson = parseAgreement(jsonText, 'minimal.json');
    expect(fromYaml.ok && fromJson.ok).toBe(true);
    if (fromYaml.ok && fromJson.ok) expect(fromYaml.agreement).toStrictEqual(fromJson.agreement);
  });

  // Each place where a key can go: the unknown key is reported at its own line, with the allowed keys.
  const places: [string, (a: Data) => Data, string][] = [
    ['the agreement', (a) => a, 'id, title, version, kind'],
    ['a party', (a) => a.parties[0], 'id, name, role, side, source, note, uncertain'],
    ['a localized name', (a) => a.parties[1].name, 'en, ar, he'],
    ['a phase', (a) => a.phases[0], 'id, title, start, lengthDays, continuesWhile, extension'],
    ['a phase start', (a) => a.phases[0].start, 'day'],
    ['an extension rule', (a) => a.phases[0].extension.per, 'provision, releases'],
    ['a release', (a) => a.provisions[0].release, 'party, to, total, categories, groups, cadence'],
    ['a category', (a) => a.provisions[0].release.categories[1], 'id, label, ratio, count'],
    ['the lists', (a) => a.provisions[0].release.lists.lead, 'eveningBefore, by'],
    ['a counterpart', (a) => a.provisions[0].counterpart, 'party, to, total, categories, order, after, by'],
    ['an activity limit', (a) => a.provisions[1].limits[0], 'activity, zone, allowed, windows'],
    ['an hour window', (a) => a.provisions[1].limits[0].windows[0], 'from, to'],
    ['a quota', (a) => a.provisions[2].perDay[1], 'id, label, quantity, unit, category, destination, partOf'],
    [
      'a schedule entry',
      (a) => a.provisions[3].release.cadence.schedule[2],
      'fromDay, toDay, count, everyDays, categories',
    ],
    ['a place', (a) => a.provisions[5].crossing, 'id, name, note'],
    ['a condition', (a) => a.provisions[5].condition, 'provision, category, categories, group, text'],
    ['a negotiation', (a) => a.provisions[6], 'kind, parties, subject, byDay, due'],
  ];
  it.each(places)('reports an unknown key in %s, at the key', (_, at, allowed) => {
    for (const format of ['yaml', 'json'] as const) {
      const data = base();
      at(data).zzUnknown = 1;
      const { text, errors } = errorsOf(data, format);
      expect(errors).toHaveLength(1);
      const e = errors[0]!;
      expect(e.code).toBe('unknown-key');
      expect(e.path[e.path.length - 1]).toBe('zzUnknown');
      expect(e.message).toContain('Unknown key "zzUnknown". Allowed keys here: ');
      expect(e.message).toContain(allowed);
      expect(lineOf(text, e.line).slice(e.column - 1)).toMatch(/^"?zzUnknown/);
    }
  });

  it('puts Arabic and Hebrew names in NFC', () => {
    const arabicNfd = '\u0627\u0653\u0645\u0646\u0629'; // آمنة with alef and madda apart
    const hebrewMarksOutOfOrder = '\u05D1\u05BC\u05B8\u05E8\u05D5\u05BC\u05DA\u05B0'; // dagesh before qamats
    expect(arabicNfd.normalize('NFC')).not.toBe(arabicNfd);
    expect(hebrewMarksOutOfOrder.normalize('NFC')).not.toBe(hebrewMarksOutOfOrder);
    const data = base();
    data.parties[1].name = { en: 'Party B', ar: arabicNfd, he: hebrewMarksOutOfOrder };
    data.title = `Test ${arabicNfd}`;
    for (const text of [stringify(data), JSON.stringify(data)]) {
      const r = parseAgreement(text, text.startsWith('{') ? 'a.json' : 'a.yaml');
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      expect(r.agreement.parties[1]!.name).toEqual({
        en: 'Party B',
        ar: '\u0622\u0645\u0646\u0629',
        he: hebrewMarksOutOfOrder.normalize('NFC'),
      });
      expect(r.agreement.title).toBe('Test \u0622\u0645\u0646\u0629');
    }
  });

  it('says what type was expected and what was found', () => {
    const data = base();
    data.phases[1].lengthDays = 4.5;
    data.version = true;
    const { errors } = errorsOf(data);
    expect(errors.map((e) => [e.code, e.message])).toEqual([
      ['wrong-type', 'Expected a whole number, or text; found the boolean true.'],
      ['wrong-type', 'Expected a whole number, found the number 4.5.'],
    ]);
  });

  it('lists the allowed values of an enumeration and the known provision kinds', () => {
    const data = base();
    data.parties[0].role = 'observer';
    data.provisions[6].kind = 'talks';
    const { errors } = errorsOf(data);
    expect(errors[0]).toMatchObject({
      code: 'bad-enum',
      expected:
        '"party" or "mediator" or "guarantor" or "intermediary" or "monitor", or a list of "party" or "mediator" or "guarantor" or "intermediary" or "monitor"',
    });
    expect(errors[1]).toMatchObject({ code: 'unknown-kind', path: ['provisions', 6, 'kind'] });
    expect(errors[1]!.message).toContain('Known kinds: cessation, exchange, aid, withdrawal');
  });

  it('describes a cadence in no known form', () => {
    const data = base();
    data.provisions[0].release.cadence = 'weekly';
    const { errors } = errorsOf(data);
    expect(errors[0]!.code).toBe('bad-enum');
    expect(errors[0]!.message).toBe(
      'Expected "daily", or a mapping with keys everyDays, firstDay?, or a mapping with keys schedule; found the text "weekly".',
    );
  });

  it('reports lists that are too short, numbers out of range and empty text', () => {
    const data = base();
    data.parties = [data.parties[0]];
    data.phases[0].lengthDays = 0;
    data.title = '';
    const codes = errorsOf(data).errors.map((e) => e.code);
    expect(codes.sort()).toEqual(['empty-text', 'out-of-range', 'too-few']);
  });

  it('refuses a file that is not one mapping', () => {
    expect(parseAgreement('', 'a.yaml')).toMatchObject({ ok: false, errors: [{ code: 'empty-file' }] });
    expect(parseAgreement('- 1\n', 'a.yaml')).toMatchObject({
      ok: false,
      errors: [{ code: 'not-a-mapping' }],
    });
  });

  it('sorts errors by position and formats them as file:line:column', () => {
    const data = base();
    data.provisions[6].byDay = 'soon';
    data.timeZone = 7;
    const { errors } = errorsOf(data);
    expect(errors.map((e) => e.path.join('.'))).toEqual(['timeZone', 'provisions.6.byDay']);
    expect(formatError(errors[0]!)).toBe(
      `a.yaml:${errors[0]!.line}:${errors[0]!.column}: Expected text, found the whole number 7. (at timeZone)`,
    );
  });

  it('keeps a figure marked uncertain as a warning, not an error', () => {
    const data = base();
    data.provisions[3].counterpart.total = 990;
    data.provisions[3].counterpart.uncertain = true;
    data.provisions[3].counterpart.note = 'Reported totals differ.';
    const r = parseAgreement(stringify(data), 'a.yaml');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.warnings.map((w) => w.code)).toEqual(['ratio-mismatch']);
  });
});

describe('parseAgreement, second edition forms', () => {
  const text = (anchor: string) => `id: t
title: T
version: 1
kind: agreement
timeZone: Asia/Gaza
start: 2025-10-10T12:00:00+03:00
parties:
  - { id: a, name: A, role: party }
  - { id: b, name: B, role: [mediator, guarantor] }
phases:
  - { id: one, title: One, start: { day: 1 }, continuesWhile: talks go on }
provisions:
  - id: pullback
    kind: withdrawal
    phase: one
    party: a
    zones: [{ id: z, name: Z }]
    due:
      after: { provision: ${anchor} }
      hours: 24
  - id: aid
    kind: aid
    phase: one
    party: a
    perDay:
      - id: trucks
        label: { en: Trucks, ar: شاحنات, he: משאיות }
        quantity: [{ value: 600, source: X }, { value: 400, source: Y }]
        unit: truck
`;
  it('reads a relative deadline, a party with two roles and a figure stated by two sources', () => {
    const r = parseAgreement(text('aid'), 'oct.yaml');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.info.map((i) => [i.code, i.line])).toEqual([['figures-differ', 28]]);
  });
  it('names the line and column of an anchor that names no provision', () => {
    const r = parseAgreement(text('pull-back'), 'oct.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatchObject({ code: 'unknown-provision', line: 19, column: 27 });
    expect(r.errors[0]!.message).toContain('"pullback" and "aid"');
  });
});
