import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAgreement, parseAgreement } from '../src/core/agreement/index.ts';
import type { Agreement, LocalizedText, ProvisionOf } from '../src/core/agreement/types.ts';
import { planAgreement } from '../src/core/plan/index.ts';
import type { Obligation, Plan, PlanOptions } from '../src/core/plan/types.ts';

// The examples in the second edition of the agreement language (issue 10), through the core API:
// parse, check and plan, as the CLI, the server and the dashboard do.

const dir = new URL('../examples/agreements/', import.meta.url).pathname;
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));

function load(name: string): Agreement {
  const result = parseAgreement(readFileSync(join(dir, name), 'utf8'), name);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('\n'));
  return result.agreement;
}

const plan = (name: string, options: PlanOptions = {}): Plan => planAgreement(load(name), options);
const all = (p: Plan): Obligation[] => p.days.flatMap((d) => d.obligations);
const of = (p: Plan, provision: string, action: string) =>
  all(p).filter((o) => o.provision === provision && o.action === action);

const ARABIC = /[\u0600-\u06FF]/;
const HEBREW = /[\u0590-\u05FF]/;

/** Why a label is not in all three languages, or null when it is. */
function trilingual(text: LocalizedText | undefined): string | null {
  if (text === undefined) return 'missing';
  if (typeof text === 'string') return 'English only';
  if (!text.ar || !ARABIC.test(text.ar)) return 'no Arabic';
  if (!text.he || !HEBREW.test(text.he)) return 'no Hebrew';
  return null;
}

/** Every label a reader sees for an agreement's terms, with where it is. */
function labels(a: Agreement): { at: string; text: LocalizedText | undefined }[] {
  const out: { at: string; text: LocalizedText | undefined }[] = [{ at: 'title', text: a.title }];
  for (const p of a.parties) out.push({ at: `party ${p.id}`, text: p.name });
  for (const p of a.phases) out.push({ at: `phase ${p.id}`, text: p.title });
  for (const p of a.provisions) {
    out.push({ at: `provision ${p.id}`, text: p.title });
    if (p.kind === 'aid') {
      for (const q of [...p.perDay, ...(p.extra ?? [])])
        out.push({ at: `quota ${p.id}.${q.id}`, text: q.label });
    }
    if (p.kind === 'exchange') {
      const cats = [
        ...p.release.categories,
        ...(p.counterpart.categories ?? []),
        ...(p.release.groups ?? []),
      ];
      for (const c of cats) out.push({ at: `category ${p.id}.${c.id}`, text: c.label });
    }
  }
  return out;
}

describe('every example carries its labels in en, ar and he', () => {
  it.each(files)('%s: title, parties, phases, provision titles, quota and category labels', (file) => {
    const missing = labels(load(file))
      .map(({ at, text }) => [at, trilingual(text)])
      .filter(([, why]) => why !== null);
    expect(missing).toEqual([]);
  });

  it.each(files)('%s: remains are never added to living persons in the totals', (file) => {
    const a = load(file);
    const remains = new Set(
      a.provisions.flatMap((p) =>
        p.kind === 'exchange'
          ? [...p.release.categories, ...(p.counterpart.categories ?? [])]
              .filter((c) => c.remains)
              .map((c) => c.id)
          : [],
      ),
    );
    for (const t of planAgreement(a, { horizon: 60 }).totals) {
      const cats = t.category.split('+');
      if (t.unit === 'person')
        expect(
          cats.filter((c) => remains.has(c)),
          t.category,
        ).toEqual([]);
      if (t.unit === 'remains')
        expect(
          cats.every((c) => remains.has(c)),
          t.category,
        ).toBe(true);
    }
  });

  it.each(files)('%s: checks with no error and no warning', (file) => {
    const result = checkAgreement(load(file));
    expect([result.errors, result.warnings]).toEqual([[], []]);
  });
});

describe('October 2025: the ceasefire and exchange', () => {
  const OCT = 'oct-2025-ceasefire.yaml';

  it('starts 10 Oct 12:00 in Asia/Gaza, the pullback due then, the 11 Oct report kept in the note', () => {
    const a = load(OCT);
    expect([a.start, a.timeZone, a.uncertain]).toEqual(['2025-10-10T12:00:00+03:00', 'Asia/Gaza', true]);
    expect(a.note).toMatch(/11 Oct/);
    const [pullback] = of(plan(OCT), 'pullback', 'withdraw');
    expect(pullback).toMatchObject({ day: 1, due: '2025-10-10T12:00:00+03:00', uncertain: true });
    expect(pullback!.description).toMatch(/the yellow line/);
  });

  it('the 20 living hostages are due by 13 Oct 12:00, 72 hours after the pullback', () => {
    const [handover] = of(plan(OCT), 'living-exchange', 'hand-over');
    expect(handover).toMatchObject({
      quantity: 20,
      unit: 'person',
      due: '2025-10-13T12:00:00+03:00',
      relativeTo: { provision: 'pullback', hours: 72 },
      opens: '2025-10-10T12:00:00+03:00',
      uncertain: true,
    });
  });

  it('a 30-hour delay of the pullback moves them to 14 Oct 18:00, and Israel’s releases with them', () => {
    const p = plan(OCT, { delay: { pullback: 30 } });
    expect(of(p, 'pullback', 'withdraw')[0]!.due).toBe('2025-10-11T18:00:00+03:00');
    expect(of(p, 'living-exchange', 'hand-over')[0]!.due).toBe('2025-10-14T18:00:00+03:00');
    expect(of(p, 'living-exchange', 'release')[0]!.due).toBe('2025-10-14T18:00:00+03:00');
    expect(of(p, 'remains-exchange', 'hand-over')[0]!.due).toBe('2025-10-14T18:00:00+03:00');
  });

  it("Israel's side: 250 serving life sentences + 1,718 Gaza detainees = 1,968, per category, beside 1,966", () => {
    const p = plan(OCT);
    const [release] = of(p, 'living-exchange', 'release');
    expect(release).toMatchObject({
      party: 'israel',
      quantity: 1968,
      unit: 'person',
      mix: [
        { category: 'life-sentences', count: 250 },
        { category: 'gaza-detainees', count: 1718 },
      ],
      condition: 'after the handovers',
    });
    expect(release!.quantityMax).toBeUndefined();
    const stated = p.stated.find((s) => s.provision === 'living-exchange' && s.party === 'israel')!;
    expect(stated.planned).toEqual({ quantity: 1968 });
    expect(stated.stated.map((v) => [v.value, v.source])).toEqual([
      [1968, 'Israel Prison Service; IDF (BBC, AFP, Times of Israel)'],
      [1966, 'officials to Reuters'],
    ]);
  });

  it('28 deceased at 15 bodies each: 420 planned, the reported 360 beside it with its sources, all as remains', () => {
    const p = plan(OCT);
    expect(of(p, 'remains-exchange', 'hand-over')[0]).toMatchObject({
      quantity: 28,
      unit: 'remains',
      due: '2025-10-13T12:00:00+03:00',
    });
    expect(of(p, 'remains-exchange', 'release')[0]).toMatchObject({ quantity: 420, unit: 'remains' });
    const stated = p.stated.find((s) => s.provision === 'remains-exchange' && s.party === 'israel')!;
    expect(stated).toMatchObject({ unit: 'remains', planned: { quantity: 420 } });
    expect(stated.stated).toHaveLength(1);
    expect(stated.stated[0]).toMatchObject({ value: 360 });
    expect(stated.stated[0]!.source).toBe('Reported as the agreed total');
    // Never summed with the living: each side has a persons total and a remains total.
    const totals = (party: string) => p.totals.filter((t) => t.party === party && t.unit !== 'truck');
    expect(totals('hamas').map((t) => [t.unit, t.quantity])).toEqual([
      ['person', 20],
      ['remains', 28],
    ]);
    expect(totals('israel').map((t) => [t.unit, t.quantity])).toEqual([
      ['person', 1968],
      ['remains', 420],
    ]);
  });

  it('the checker states every disagreement as information, not as an error or a warning', () => {
    const result = checkAgreement(load(OCT));
    expect([result.errors, result.warnings]).toEqual([[], []]);
    expect(result.info.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['figures-differ', 'provisions.2.counterpart.total'],
      ['figures-differ', 'provisions.3.counterpart.total'],
      ['figures-differ', 'provisions.4.perDay.0.quantity'],
      ['figures-differ', 'provisions.6.flows.0.perDay'],
    ]);
    const [prisoners, bodies, trucks, rafah] = result.info.map((i) => i.message);
    expect(prisoners).toMatch(/1968 \(Israel Prison Service.*1966 \(officials to Reuters\)/);
    expect(bodies).toMatch(/360 \(Reported as the agreed total\).*420 for the 28/);
    expect(trucks).toMatch(/600 \(COGAT.*400 \(One timeline/);
    expect(rafah).toMatch(/50 \(.*150 \(/);
  });

  it('600 trucks a day (⚠ 400) on every day of open-ended phase one, up to the horizon', () => {
    const p = plan(OCT, { horizon: '2025-12-31' });
    expect(p.horizon).toEqual({ day: 83, date: '2025-12-31', from: 'option' });
    expect(p.phases[0]).toMatchObject({ id: 'phase-1', openEnded: true, endDay: null, plannedTo: 83 });
    const trucks = of(p, 'aid', 'admit-aid');
    expect(trucks.map((o) => o.day)).toEqual(Array.from({ length: 83 }, (_, i) => i + 1));
    for (const o of trucks) {
      expect(o).toMatchObject({
        quantity: 400,
        quantityMax: 600,
        unit: 'truck',
        openEnded: true,
        uncertain: true,
      });
      expect(o.figures!.map((f) => f.value)).toEqual([600, 400]);
      expect(o.figures![0]!.source).toMatch(/COGAT.*UN News.*AP/);
      expect(o.figures![1]!.source).toMatch(/one timeline.*"up to 400"/i);
    }
  });

  it('displaced people return north from day 1 by the Al-Rashid and Salah al-Din roads', () => {
    const [ret] = of(plan(OCT), 'return-north', 'allow-return');
    expect(ret).toMatchObject({ day: 1, destination: 'north' });
    expect(ret!.description).toMatch(/Al-Rashid road; Salah al-Din road/);
  });

  it('Rafah has no date of its own: it opens once all remains are returned, 09:00–15:00, 50 or 150 out and 50 in', () => {
    const a = load(OCT);
    const rafah = a.provisions.find((p) => p.id === 'rafah') as ProvisionOf<'crossing'>;
    expect([rafah.fromDay, rafah.due]).toEqual([undefined, undefined]);
    expect(rafah.condition).toMatchObject({ provision: 'remains-exchange' });
    expect(rafah).toMatchObject({
      uncertain: true,
      hours: { from: '09:00', to: '15:00' },
      lists: { lead: { hours: 24 } },
    });
    // All remains are due within a window (by 72 h after the pullback), any day up to it: the day
    // after the last is not known, so Rafah waits on it rather than being placed on day 5.
    const p = plan(OCT);
    expect(of(p, 'rafah', 'open-crossing')).toEqual([]);
    expect(p.waiting).toContainEqual(
      expect.objectContaining({
        provision: 'rafah',
        on: { provision: 'remains-exchange' },
        reason: 'window',
      }),
    );
    // Once it opens (here placed on day 5 for the test), it opens by 09:00, then lets people through.
    const placed = planAgreement({
      ...a,
      provisions: a.provisions.map((x) =>
        x.id === 'rafah' ? { ...rafah, condition: undefined, fromDay: 5 } : x,
      ),
    });
    const [open] = of(placed, 'rafah', 'open-crossing');
    expect(open).toMatchObject({ day: 5, due: '2025-10-14T09:00:00+03:00' });
    const firstDay = of(placed, 'rafah', 'let-cross').filter((o) => o.day === open!.day);
    expect(Object.fromEntries(firstDay.map((o) => [o.direction, [o.quantity, o.quantityMax]]))).toEqual({
      out: [50, 150],
      in: [50, undefined],
    });
  });

  it('mediators are also guarantors, the ICRC the intermediary, the CMCC the monitor; categories say who', () => {
    const a = load(OCT);
    const role = (id: string) => a.parties.find((p) => p.id === id)!.role;
    for (const id of ['egypt', 'qatar', 'turkiye', 'united-states'])
      expect(role(id)).toEqual(['mediator', 'guarantor']);
    expect([role('icrc'), role('cmcc')]).toEqual(['intermediary', 'monitor']);
    // Categories of persons held, each with what its persons are, so that a comparison lines them up.
    for (const p of a.provisions) {
      if (p.kind !== 'exchange') continue;
      for (const c of [...p.release.categories, ...(p.counterpart.categories ?? [])])
        expect(c.meaning?.length).toBeGreaterThan(0);
    }
  });

  it('the later phases are typed milestones; the international force carries the date of resolution 2803', () => {
    const a = load(OCT);
    const milestones = a.provisions.filter((p) => p.kind === 'milestone') as ProvisionOf<'milestone'>[];
    expect(milestones.map((m) => [m.subject, m.phase, m.date])).toEqual([
      ['disarmament', 'later-phases', undefined],
      ['governance', 'later-phases', undefined],
      ['international-force', 'later-phases', '2027-12-31'],
      ['withdrawal', 'later-phases', undefined],
    ]);
    expect(a.phases[0]!.lengthDays).toBeUndefined();
    expect(a.phases[0]!.continuesWhile).toBeDefined();
  });
});

describe('May 2024: phase 1 continues while talks go on', () => {
  it('600 trucks on every day to a horizon 60 days in, open-ended past day 42', () => {
    const p = plan('may-2024-proposal.yaml', { horizon: 60 });
    expect(p.horizon).toEqual({ day: 60, date: null, from: 'option' });
    expect(p.phases[0]).toMatchObject({ openEnded: true, lengthDays: 42, plannedTo: 60 });
    const trucks = of(p, 'aid', 'admit-aid');
    expect(trucks.map((o) => [o.day, o.quantity])).toEqual(
      Array.from({ length: 60 }, (_, i) => [i + 1, 600]),
    );
    expect(trucks.filter((o) => o.openEnded).map((o) => o.day)).toEqual(
      Array.from({ length: 18 }, (_, i) => 43 + i),
    );
    // The phases after it start when it ends, which no one can date: they wait, they are not invented.
    expect(p.phases.slice(1).map((x) => x.startDay)).toEqual([null, null]);
  });

  it('its categories carry their meaning, so a comparison lines them up with other agreements', () => {
    const ex = load('may-2024-proposal.yaml').provisions.find(
      (p) => p.id === 'phase-1-exchange',
    ) as ProvisionOf<'exchange'>;
    expect(ex.release.categories.map((c) => c.meaning)).toEqual([['women'], ['elderly'], ['wounded']]);
  });
});

describe('January 2025: all women as one group, the 26 as one window', () => {
  const JAN = 'jan-2025-ceasefire.yaml';
  const counts = (n: Record<string, number>) =>
    Object.fromEntries(Object.entries(n).map(([c, k]) => [`phase-1-exchange.${c}`, k]));

  it('without the mix, Rafah and the evacuations wait on the group "women", never placed after the phase', () => {
    const p = plan(JAN);
    for (const id of ['rafah', 'medical-evacuation']) {
      expect(p.waiting).toContainEqual({
        provision: id,
        on: { provision: 'phase-1-exchange', group: 'women' },
        reason: 'mix-unknown',
        text: 'once all female hostages have been released',
        // Both terms are marked uncertain in the agreement, and stay marked while they wait.
        uncertain: true,
      });
      expect(all(p).filter((o) => o.provision === id)).toEqual([]);
    }
  });

  it('with a count for every category, Rafah opens the day after the last woman is released', () => {
    const p = plan(JAN, {
      counts: counts({
        'civilian-women': 5,
        'female-soldiers': 2,
        children: 10,
        'men-over-50': 10,
        'sick-and-wounded': 6,
      }),
    });
    const handovers = of(p, 'phase-1-exchange', 'hand-over');
    // Categories fill the batches in the order the agreement lists them: the 7 women by day 7.
    expect(handovers[1]).toMatchObject({
      day: 7,
      mix: [
        { category: 'civilian-women', count: 2 },
        { category: 'female-soldiers', count: 2 },
      ],
    });
    expect(p.waiting).toEqual([]);
    expect(of(p, 'rafah', 'open-crossing').map((o) => o.day)).toEqual([8]);
    const evacuations = of(p, 'medical-evacuation', 'evacuate');
    expect(evacuations.map((o) => o.day)).toEqual(Array.from({ length: 35 }, (_, i) => 8 + i));
    expect(evacuations.every((o) => o.quantity === 50 && o.unit === 'patient')).toBe(true);
    // Exact once the mix is known: 31 civilians at 30 and 2 female soldiers at 50.
    expect(p.totals.find((t) => t.party === 'israel' && t.unit === 'person')).toMatchObject({
      quantity: 31 * 30 + 2 * 50,
    });
  });

  it('the 26 are one window from day 8 to day 42; its indicative shares add up to 26 and are not obligations', () => {
    const p = plan(JAN);
    const handovers = of(p, 'phase-1-exchange', 'hand-over');
    expect(handovers.map((o) => [o.day, o.quantity])).toEqual([
      [1, 3],
      [7, 4],
      [42, 26],
    ]);
    expect(handovers[2]).toMatchObject({ opensDay: 8, due: '2025-03-02T00:00:00+02:00' });
    const shares = p.days.flatMap((d) => d.indicative).filter((s) => s.provision === 'phase-1-exchange');
    expect(shares.reduce((a, s) => a + s.quantity, 0)).toBe(26);
    expect(shares.every((s) => s.day >= 8 && s.day <= 42 && s.batch === 3)).toBe(true);
    expect(shares.length).toBeGreaterThan(1);
    // No obligation is drawn from the spread: the days of the shares hold no hand-over of their own.
    for (const s of shares.filter((x) => x.day !== 42)) {
      expect(of(p, 'phase-1-exchange', 'hand-over').some((o) => o.day === s.day)).toBe(false);
    }
    expect(
      all(p).some(
        (o) =>
          o.provision === 'phase-1-exchange' &&
          o.quantity === shares[0]!.quantity &&
          o.day === shares[0]!.day,
      ),
    ).toBe(false);
  });

  it('Philadelphi by day 50 of the agreement, a term that runs from phase 1 into phase 2', () => {
    const [philadelphi] = of(plan(JAN), 'withdrawal-philadelphi', 'withdraw');
    expect(philadelphi).toMatchObject({ day: 50, date: '2025-03-09', phase: 'phase-1', phaseDay: 50 });
  });
});

describe('the other examples', () => {
  it('all for all: the stop of the war is a precondition of the proposal, not a term the plan waits on', () => {
    const p = plan('all-for-all-position.yaml');
    expect(p.preconditions).toEqual([
      {
        text: 'A complete stop of the war',
        source: 'Press reports (Reuters, AP, AFP, NYT, Times of Israel and others)',
      },
    ]);
    expect(p.waiting).toEqual([]);
    expect(p.notes.some((n) => /never completes/.test(n))).toBe(false);
  });

  it('vaccination pauses: extending one zone by its one day moves the zones after it', () => {
    const days = (p: Plan, zone: string) =>
      of(p, 'pauses-round-1', 'pause')
        .filter((o) => o.destination === zone && o.party === 'israel')
        .map((o) => o.day);
    const p = plan('vaccination-pauses-2024.yaml', { extend: { south: 1 } });
    expect([days(p, 'centre'), days(p, 'south'), days(p, 'north')]).toEqual([
      [1, 2, 3],
      [4, 5, 6, 7],
      [8, 9, 10],
    ]);
    expect(() => plan('vaccination-pauses-2024.yaml', { extend: { south: 2 } })).toThrow(/at most 1 day/);
  });

  it('Feb 2024: 500 of the 1,500 are a counted category of prisoners serving life sentences', () => {
    const p = plan('feb-2024-counter-proposal.yaml');
    expect(p.stated).toContainEqual({
      provision: 'phase-1-exchange',
      party: 'israel',
      unit: 'person',
      stated: [{ value: 1500 }],
    });
  });
});

describe('docs/agreement-language.md', () => {
  const docs = readFileSync(new URL('../docs/agreement-language.md', import.meta.url), 'utf8');
  const second = docs.slice(docs.indexOf('## The second edition, term by term'));
  /** Each quoted YAML block with the example file named most recently before it. */
  const quotes: { file: string; lines: string[] }[] = [];
  let file = '';
  for (const part of second.split(/```yaml\n([\s\S]*?)```/).entries()) {
    const [i, text] = part;
    if (i % 2 === 0) {
      file = [...text.matchAll(/`examples\/agreements\/([a-z0-9.-]+\.yaml)`/g)].at(-1)?.[1] ?? file;
    } else quotes.push({ file, lines: text.split('\n').filter((l) => l.trim() !== '') });
  }

  it('quotes a real term for each form of the second edition', () => {
    expect(quotes.length).toBeGreaterThanOrEqual(14);
    expect(new Set(quotes.map((q) => q.file))).toEqual(new Set(files.filter((f) => !f.startsWith('feb-'))));
  });

  it.each(quotes.map((q, i) => [i, q.file, q]))(
    'quote %i is in %s, line for line and in order',
    (_i, _f, q) => {
      const quote = q as { file: string; lines: string[] };
      const text = readFileSync(join(dir, quote.file), 'utf8').split('\n');
      let at = 0;
      for (const line of quote.lines) {
        if (line.trim() === '…') continue;
        const found = text.indexOf(line, at);
        expect(found, `${quote.file}: ${line}`).toBeGreaterThanOrEqual(0);
        at = found + 1;
      }
    },
  );
});
