import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseAgreement } from '../src/core/agreement/index.ts';
import { Agreement as AgreementSchema } from '../src/core/agreement/schema/agreement.ts';
import type { Agreement, ProvisionOf } from '../src/core/agreement/types.ts';
import { runCli } from './helpers/run-cli.ts';

const dir = new URL('../examples/agreements/', import.meta.url).pathname;
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));

function load(name: string): Agreement {
  const result = parseAgreement(readFileSync(join(dir, name), 'utf8'), name);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.agreement;
}

/** Every object in a parsed value, with its path, e.g. `provisions.3.release`. */
function objects(value: unknown, path = ''): { path: string; object: Record<string, unknown> }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => objects(v, `${path}.${i}`));
  if (value === null || typeof value !== 'object') return [];
  const object = value as Record<string, unknown>;
  return [{ path, object }, ...Object.entries(object).flatMap(([k, v]) => objects(v, `${path}.${k}`))];
}

function provision<K extends Agreement['provisions'][number]['kind']>(a: Agreement, kind: K, id: string) {
  const p = a.provisions.find((x) => x.id === id);
  expect(p?.kind).toBe(kind);
  return p as ProvisionOf<K>;
}

describe('shipped examples', () => {
  it('are the six agreements of AGREEMENTS.md and the October 2025 ceasefire of OCT-2025.md (its text as signed, and as amended)', () => {
    expect(files.sort()).toEqual([
      'all-for-all-position.yaml',
      'feb-2024-counter-proposal.yaml',
      'jan-2025-ceasefire.yaml',
      'may-2024-proposal.yaml',
      'nov-2023-pause.yaml',
      'oct-2025-ceasefire.v1.yaml',
      'oct-2025-ceasefire.yaml',
      'vaccination-pauses-2024.yaml',
    ]);
  });

  it.each(files)('%s is valid against the zod schema', (file) => {
    const value = parseYaml(readFileSync(join(dir, file), 'utf8'));
    const result = AgreementSchema.safeParse(value);
    if (!result.success) {
      const issues = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n');
      expect.fail(`${file} does not match the schema:\n${issues}`);
    }
    expect(result.success).toBe(true);
  });

  it.each(files)(
    '%s says what each uncertain term is uncertain about, and where each figure comes from',
    (file) => {
      const value = parseYaml(readFileSync(join(dir, file), 'utf8'));
      const unexplained = objects(value)
        .filter(({ object }) => object.uncertain === true && typeof object.note !== 'string')
        .map(({ path }) => path);
      expect(unexplained).toEqual([]);
      const a = load(file);
      expect(a.sources?.length).toBeGreaterThan(0);
      expect(a.provisions.filter((p) => !p.source).map((p) => p.id)).toEqual([]);
    },
  );

  it.each(files)('%s cites outlets and statements, never the name of a file no reader has', (file) => {
    // A reader sees every `source` and `sources` value on the pages; "AGREEMENTS.md §1" means nothing there.
    const names = /\b[\w-]+\.(md|ya?ml|json|txt|csv)\b/i;
    const value = parseYaml(readFileSync(join(dir, file), 'utf8'));
    const cited = objects(value).flatMap(({ path, object }) =>
      [object.source, ...(Array.isArray(object.sources) ? object.sources : [])]
        .filter((s): s is string => typeof s === 'string')
        .map((s) => ({ path, s })),
    );
    expect(cited.length).toBeGreaterThan(0);
    expect(cited.filter(({ s }) => names.test(s))).toEqual([]);
  });

  it.each(files)('%s uses the neutral terms for persons held', (file) => {
    const a = load(file);
    if (!a.provisions.some((p) => p.kind === 'exchange')) return;
    const en = (t: unknown) => (typeof t === 'string' ? t : (t as { en: string }).en);
    const byHolder = new Map(a.terms?.map((t) => [t.heldBy, t]));
    expect(en(byHolder.get('hamas')?.singular)).toBe('hostage');
    expect(en(byHolder.get('israel')?.singular)).toBe('prisoner');
    for (const t of a.terms ?? []) {
      expect(typeof t.singular === 'object' && t.singular.ar && t.singular.he).toBeTruthy();
      expect(typeof t.plural === 'object' && t.plural.ar && t.plural.he).toBeTruthy();
    }
  });

  it('`truce validate examples/agreements/*` passes', async () => {
    const r = await runCli('validate', ...files.map((f) => `examples/agreements/${f}`));
    // Nothing to fix: only information (sources that state different figures), never an error or a warning.
    const lines = r.stderr.split('\n').filter(Boolean);
    expect(lines.filter((l) => !l.startsWith('info: '))).toEqual([]);
    expect(lines.length).toBeGreaterThan(0);
    expect(r.status).toBe(0);
  });

  it.each(files)('%s has no warnings and points editors at the schema', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schema/agreement.schema.json');
    const result = parseAgreement(text, file);
    expect(result.ok && result.warnings).toEqual([]);
  });

  it('Nov 2023: 50 for 150 at 3 per person, at least 10 a day, extension 1 day per 10', () => {
    const a = load('nov-2023-pause.yaml');
    const ex = provision(a, 'exchange', 'exchange');
    expect(ex.release.total).toBe(50);
    expect(ex.release.categories.map((c) => c.ratio)).toEqual([3, 3]);
    expect(ex.release.minPerBatch).toBe(10);
    expect(ex.release.cadence).toBe('daily');
    expect(ex.release.handoverBy).toBe('16:00');
    expect(ex.release.lists).toEqual({ lead: { eveningBefore: true }, to: ['israel', 'egypt'] });
    expect(ex.counterpart.total).toBe(150);
    expect(ex.counterpart).toMatchObject({ order: 'by seniority', after: 'handover' });
    expect(ex.outsideFormula).toMatchObject({ allowed: true, countsTowardQuota: 'if-agreed' });
    expect(a.start).toBe('2023-11-24T07:00:00+02:00');
    expect(a.phases[0]!.lengthDays).toBe(4);
    const egypt = provision(a, 'aid', 'aid').perDay.filter((q) => q.source?.startsWith('Egypt'));
    expect(egypt.map((q) => [q.quantity, q.unit, q.uncertain])).toEqual([
      [130_000, 'litre', true],
      [4, 'truck', true],
    ]);
    expect(provision(a, 'cessation', 'ceasefire').limits).toMatchObject([
      { zone: 'south', allowed: 'never' },
      { zone: 'north', allowed: 'windows', windows: [{ from: '10:00', to: '16:00' }] },
    ]);
    expect(a.phases[0]!.extension).toMatchObject({ days: 1, per: { provision: 'exchange', releases: 10 } });
    expect(
      provision(a, 'aid', 'aid')
        .perDay.slice(0, 2)
        .map((q) => q.quantity),
    ).toEqual([200, 4]);
  });

  it('Jan 2025: three phases of 42 days, 33 on the 3 / 4 / 26 schedule, 30:1 and 50:1, 600 trucks', () => {
    const a = load('jan-2025-ceasefire.yaml');
    expect(a.phases.map((p) => p.lengthDays)).toEqual([42, 42, 42]);
    expect(a.start).toBe('2025-01-19T08:30:00+02:00');
    expect(a.phases.map((p) => p.start)).toEqual([
      { day: 1 },
      { afterPhase: 'phase-1' },
      { afterPhase: 'phase-2' },
    ]);
    const ex = provision(a, 'exchange', 'phase-1-exchange');
    expect(ex.release.total).toBe(33);
    // Women including soldiers, children, men over 50, sick and wounded: 30 each, 50 per female soldier.
    expect(ex.release.categories.map((c) => [c.id, c.ratio])).toEqual([
      ['civilian-women', 30],
      ['female-soldiers', 50],
      ['children', 30],
      ['men-over-50', 30],
      ['sick-and-wounded', 30],
    ]);
    expect(ex.release.groups).toMatchObject([
      { id: 'women', categories: ['civilian-women', 'female-soldiers'] },
    ]);
    const cadence = ex.release.cadence;
    const schedule = cadence && typeof cadence === 'object' && 'schedule' in cadence ? cadence.schedule : [];
    expect(schedule.reduce((n, e) => n + e.count, 0)).toBe(33);
    expect(schedule).toMatchObject([
      { day: 1, count: 3 },
      { day: 7, count: 4 },
      { count: 26, from: { day: 8 }, by: { day: 42 } },
    ]);
    expect(ex.release.lists?.lead).toEqual({ hours: 24 });
    expect(ex.counterpart.total).toBeUndefined();
    expect(ex.counterpart.uncertain).toBe(true);
    expect(ex.counterpart.note).toMatch(/990 to about 1,900/);
    expect(provision(a, 'withdrawal', 'withdrawal-populated-areas').byDay).toBe(1);
    expect(provision(a, 'displaced-return', 'return-north').fromDay).toBe(7);
    // "By day 50" of the agreement: phase 1 lasts 42 days, so the term runs into phase 2.
    const philadelphi = provision(a, 'withdrawal', 'withdrawal-philadelphi');
    expect([philadelphi.phase, philadelphi.throughPhase, philadelphi.byDay]).toEqual([
      'phase-1',
      'phase-2',
      { agreementDay: 50 },
    ]);
    expect(provision(a, 'medical-evacuation', 'medical-evacuation').perDay).toBe(50);
    for (const id of ['phase-2-exchange', 'phase-3-remains']) {
      const later = provision(a, 'exchange', id);
      expect([later.release.total, later.counterpart.total]).toEqual([undefined, undefined]);
      expect(later.counterpart.uncertain).toBe(true);
    }
    const aid = provision(a, 'aid', 'aid');
    expect(aid.perDay.map((q) => [q.id, q.quantity])).toEqual([
      ['trucks', 600],
      ['fuel', 50],
      ['north', 300],
    ]);
    expect(provision(a, 'negotiation', 'phase-2-talks').byDay).toBe(16);
    expect(provision(a, 'withdrawal', 'withdrawal-netzarim').byDay).toBe(22);
    expect(provision(a, 'crossing', 'rafah').condition).toMatchObject({
      provision: 'phase-1-exchange',
      group: 'women',
    });
    expect(provision(a, 'medical-evacuation', 'medical-evacuation').uncertain).toBe(true);
  });

  it('Feb 2024: 135 days in three phases of 45, 1,500 prisoners in all, at least 500 trucks', () => {
    const a = load('feb-2024-counter-proposal.yaml');
    expect(a.phases.map((p) => p.lengthDays)).toEqual([45, 45, 45]);
    expect(provision(a, 'exchange', 'phase-1-exchange').counterpart.total).toBe(1500);
    expect(a.start).toBeUndefined();
    expect(a.phases.map((p) => p.start)).toEqual([
      { day: 1 },
      { afterPhase: 'phase-1' },
      { afterPhase: 'phase-2' },
    ]);
    const ex = provision(a, 'exchange', 'phase-1-exchange');
    expect(ex.release.total).toBeUndefined();
    expect(ex.release.categories.every((c) => c.ratio === undefined && c.count === undefined)).toBe(true);
    expect(ex.counterpart.categories?.find((c) => c.id === 'life-sentences')).toMatchObject({
      count: 500,
      meaning: ['prisoners', 'life-sentences'],
    });
    const aid = provision(a, 'aid', 'aid');
    expect(aid.perDay[0]).toMatchObject({ quantity: 500, atLeast: true });
    expect(aid.extra?.map((q) => [q.quantity, q.unit])).toEqual([
      [60_000, 'home'],
      [200_000, 'tent'],
    ]);
  });

  it('May 2024: six weeks, continuing while talks go on, 600 trucks, no fixed number of persons', () => {
    const a = load('may-2024-proposal.yaml');
    expect(a.kind).toBe('proposal');
    expect(a.phases.map((p) => p.lengthDays)).toEqual([42, undefined, undefined]);
    expect(a.phases[0]!.continuesWhile).toMatchObject({
      en: 'negotiations on phase 2 go on, even past six weeks',
    });
    expect(provision(a, 'aid', 'aid').perDay).toMatchObject([{ quantity: 600, unit: 'truck' }]);
    for (const id of ['phase-1-exchange', 'phase-2-exchange']) {
      const ex = provision(a, 'exchange', id);
      expect([ex.release.total, ex.counterpart.total]).toEqual([undefined, undefined]);
      expect(ex.release.categories.every((c) => c.ratio === undefined)).toBe(true);
    }
    expect(provision(a, 'exchange', 'phase-1-exchange').counterpart.note).toMatch(/"hundreds"/);
  });

  it('all for all: counts as of their dates, ranges left in notes, the stop of the war a precondition', () => {
    const a = load('all-for-all-position.yaml');
    expect(a.kind).toBe('proposal');
    expect(a.preconditions).toMatchObject([{ text: { en: 'A complete stop of the war' } }]);
    expect(a.provisions.map((p) => p.id)).toEqual(['exchange']);
    const ex = provision(a, 'exchange', 'exchange');
    expect(ex.release).toMatchObject({ total: 137, uncertain: true });
    expect(ex.counterpart.total).toBeUndefined();
    expect(ex.counterpart).toMatchObject({ uncertain: true });
    expect(ex.counterpart.note).toMatch(/7,000–7,200/);
  });

  it('keeps the uncertain terms marked', () => {
    expect(
      provision(load('may-2024-proposal.yaml'), 'exchange', 'phase-1-exchange').counterpart.uncertain,
    ).toBe(true);
    expect(provision(load('all-for-all-position.yaml'), 'exchange', 'exchange').release.uncertain).toBe(true);
    expect(provision(load('nov-2023-pause.yaml'), 'text', 'eligible-prisoners').uncertain).toBe(true);
    const jan = load('jan-2025-ceasefire.yaml');
    expect(provision(jan, 'crossing', 'rafah').uncertain).toBe(true);
    expect(provision(jan, 'exchange', 'phase-1-exchange').counterpart.uncertain).toBe(true);
    expect(
      provision(load('feb-2024-counter-proposal.yaml'), 'exchange', 'phase-1-exchange').counterpart.uncertain,
    ).toBe(true);
  });

  it('vaccination pauses: three zones in turn, 3 days each, 06:00–15:00, two rounds four weeks apart', async () => {
    const r = await runCli('plan', 'examples/agreements/vaccination-pauses-2024.yaml', '--json');
    const plan = JSON.parse(r.stdout);
    const pauses = plan.days.flatMap(
      (d: { obligations: { action: string; destination: string; day: number }[] }) =>
        d.obligations.filter((o) => o.action === 'pause' && o.destination === 'centre'),
    );
    expect([...new Set(pauses.map((o: { day: number }) => o.day))]).toEqual([1, 2, 3, 29, 30, 31]);
    const a = load('vaccination-pauses-2024.yaml');
    expect(a.start).toBeUndefined();
    for (const id of ['pauses-round-1', 'pauses-round-2']) {
      const p = provision(a, 'localized-pause', id);
      expect(p.window).toEqual({ from: '06:00', to: '15:00' });
      // Each zone extendable by 1 day.
      expect(p.zones.map((z) => [z.id, z.fromDay, z.days, z.extensionDays])).toEqual([
        ['centre', 1, 3, 1],
        ['south', 4, 3, 1],
        ['north', 7, 3, 1],
      ]);
    }
    expect(provision(a, 'text', 'children').count).toBe(640_000);
  });
});
