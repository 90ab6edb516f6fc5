import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planAgreement } from '../plan/plan-agreement.ts';
import { formatError } from './agreement-error.ts';
import { checkAgreement } from './check-agreement.ts';
import { parseAgreement } from './parse-agreement.ts';
import type { Agreement } from './types.ts';

const GOOD = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'agreements-good');

// biome-ignore lint/suspicious/noExplicitAny: fixture data is edited freely, one mistake at a time.
type Data = any;

function base(): Data {
  return JSON.parse(readFileSync(join(GOOD, 'minimal.json'), 'utf8'));
}

/** Checks the minimal agreement after `change`, giving [code, path] of each error and warning. */
function check(change: (a: Data) => void) {
  const a = base();
  change(a);
  const r = checkAgreement(a as Agreement);
  const show = (e: { code: string; path: (string | number)[] }) => [e.code, e.path.join('.')];
  return { errors: r.errors.map(show), warnings: r.warnings.map(show), raw: r };
}

describe('checkAgreement', () => {
  it('accepts the minimal agreement', () => {
    expect(checkAgreement(base())).toEqual({ errors: [], warnings: [], info: [] });
  });

  it.each<[string, (a: Data) => void, string, string]>([
    [
      'duplicate party',
      (a) => a.parties.push({ id: 'a', name: 'Again', role: 'party' }),
      'duplicate-id',
      'parties.4.id',
    ],
    ['duplicate phase', (a) => a.phases.push({ ...a.phases[1], id: 'pause' }), 'duplicate-id', 'phases.2.id'],
    [
      'duplicate category',
      (a) => (a.provisions[0].release.categories[1].id = 'women'),
      'duplicate-id',
      'provisions.0.release.categories.1.id',
    ],
    [
      'duplicate quota across perDay and extra',
      (a) => (a.provisions[2].extra = [{ id: 'fuel', quantity: 1, unit: 'tent' }]),
      'duplicate-id',
      'provisions.2.extra.0.id',
    ],
    [
      'unknown list recipient',
      (a) => (a.provisions[0].release.lists.to = ['a', 'x']),
      'unknown-party',
      'provisions.0.release.lists.to.1',
    ],
    [
      'unknown holder of terms',
      (a) => (a.terms = [{ heldBy: 'x', singular: 'p', plural: 'ps' }]),
      'unknown-party',
      'terms.0.heldBy',
    ],
    [
      'mediator as obligated party',
      (a) => (a.provisions[2].party = 'med'),
      'wrong-role',
      'provisions.2.party',
    ],
    [
      'intermediary releasing',
      (a) => (a.provisions[0].release.party = 'icrc'),
      'wrong-role',
      'provisions.0.release.party',
    ],
    [
      'mediator in a cessation',
      (a) => (a.provisions[1].parties = ['a', 'med']),
      'wrong-role',
      'provisions.1.parties.1',
    ],
    [
      'release to itself',
      (a) => (a.provisions[0].release.to = 'b'),
      'release-to-self',
      'provisions.0.release.to',
    ],
    [
      'unknown category in a condition',
      (a) => (a.provisions[5].condition.category = 'elderly'),
      'unknown-category',
      'provisions.5.condition.category',
    ],
    [
      'category of a non-exchange',
      (a) => (a.provisions[5].condition = { provision: 'aid', category: 'x' }),
      'unknown-category',
      'provisions.5.condition.category',
    ],
    [
      'phase at before the start',
      (a) => (a.phases[1].start = { at: '2023-11-23T07:00:00+02:00' }),
      'phase-before-start',
      'phases.1.start.at',
    ],
    [
      'phase after an unknown phase',
      (a) => (a.phases[1].start = { afterPhase: 'first' }),
      'unknown-phase',
      'phases.1.start.afterPhase',
    ],
    [
      'phase after itself',
      (a) => (a.phases[1].start = { afterPhase: 'second' }),
      'phase-cycle',
      'phases.1.start.afterPhase',
    ],
    [
      'extension counting an unknown provision',
      (a) => (a.phases[0].extension.per.provision = 'swap'),
      'unknown-provision',
      'phases.0.extension.per.provision',
    ],
    [
      'extension counting another phase’s exchange',
      (a) => (a.phases[0].extension.per.provision = 'staged'),
      'extension-other-phase',
      'phases.0.extension.per.provision',
    ],
    [
      'extension maximum below one step',
      (a) => Object.assign(a.phases[0].extension, { days: 2, maxDays: 1 }),
      'extension-max-too-small',
      'phases.0.extension.maxDays',
    ],
    [
      'never allowed, with windows',
      (a) => (a.provisions[1].limits[0].allowed = 'never'),
      'windows-not-allowed',
      'provisions.1.limits.0.windows',
    ],
    [
      'quota part of itself',
      (a) => (a.provisions[2].perDay[1].partOf = 'fuel'),
      'quota-part-of-itself',
      'provisions.2.perDay.1.partOf',
    ],
    [
      'quota part larger than its whole',
      (a) => (a.provisions[2].perDay[1].quantity = 300),
      'quota-part-larger',
      'provisions.2.perDay.1.quantity',
    ],
    [
      'everyDays starting after the phase',
      (a) => (a.provisions[0].release.cadence = { everyDays: 2, firstDay: 5 }),
      'batch-after-phase-end',
      'provisions.0.release.cadence.firstDay',
    ],
    [
      'a dated batch below the minimum',
      (a) => (a.provisions[3].release.minPerBatch = 4),
      'min-per-batch-unmet',
      'provisions.3.release.cadence.schedule.0.count',
    ],
    [
      'aid starting after the phase',
      (a) => (a.provisions[2].fromDay = 5),
      'day-after-phase-end',
      'provisions.2.fromDay',
    ],
    [
      'conditions in a circle',
      (a) => (a.provisions[3].condition = { provision: 'crossing' }),
      'condition-cycle',
      'provisions.3.condition.provision',
    ],
  ])('%s', (_, change, code, path) => {
    expect(check(change).errors).toEqual([[code, path]]);
  });

  it('finds a spread schedule whose batches fall below the minimum', () => {
    const { errors, raw } = check((a) => {
      a.provisions[3].release.minPerBatch = 3;
      a.provisions[3].release.cadence.schedule[2] = { fromDay: 8, toDay: 42, everyDays: 1, count: 26 };
    });
    expect(errors).toEqual([['min-per-batch-unmet', 'provisions.3.release.cadence.schedule.2.count']]);
    expect(raw.errors[0]!.message).toBe(
      '26 persons over 35 batches gives batches of 1, below the minimum of 3 per batch.',
    );
  });

  it('accepts a daily cadence whose days times the minimum exceed the total', () => {
    expect(check((a) => (a.provisions[0].release.minPerBatch = 20)).errors).toEqual([]);
  });

  it('bounds the counterpart total when only some category counts are known', () => {
    const change = (total: number) => (a: Data) => {
      a.provisions[3].release.categories[1].count = undefined;
      a.provisions[3].counterpart.total = total;
    };
    // 30 civilians at 30 = 900, and 3 persons of unknown category at 30 to 50 each.
    expect(check(change(990)).errors).toEqual([]);
    expect(check(change(1050)).errors).toEqual([]);
    expect(check(change(1051)).errors).toEqual([['ratio-impossible', 'provisions.3.counterpart.total']]);
    expect(check(change(1051)).raw.errors[0]!.expected).toBe('between 990 and 1050');
  });

  it('checks the pauses of each zone against the phase', () => {
    const { errors } = check((a) =>
      a.provisions.push({
        id: 'vaccination',
        kind: 'localized-pause',
        phase: 'pause',
        parties: ['a', 'b'],
        window: { from: '06:00', to: '06:00' },
        zones: [{ id: 'centre', name: 'Centre', fromDay: 2, days: 4 }],
      }),
    );
    expect(errors).toEqual([
      ['empty-hour-window', 'provisions.7.window.to'],
      ['day-after-phase-end', 'provisions.7.zones.0.days'],
    ]);
  });

  it('lets mediators take part in negotiations and free-text provisions', () => {
    expect(
      check((a) =>
        a.provisions.push({ id: 'note', kind: 'text', phase: 'pause', parties: ['med'], text: 'Guarantee.' }),
      ).errors,
    ).toEqual([]);
  });

  it('leaves a proposal without a start, and warns about an offset the time zone did not have', () => {
    const proposal = (a: Data) => {
      a.kind = 'proposal';
      delete a.start;
    };
    expect(check(proposal).errors).toEqual([]);
    expect(check((a) => (a.start = '2023-11-24T07:00:00+03:00')).warnings).toEqual([
      ['start-offset-mismatch', 'start'],
    ]);
  });

  it('warns about an extension rule on a phase of open length', () => {
    expect(check((a) => delete a.phases[0].lengthDays).warnings).toEqual([
      ['extension-without-length', 'phases.0.extension'],
    ]);
  });

  it('turns numbers marked uncertain into warnings', () => {
    const r = check((a) => {
      a.provisions[3].release.cadence.schedule[0].count = 4;
      a.provisions[3].uncertain = true;
    });
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([['schedule-total-mismatch', 'provisions.3.release.cadence.schedule']]);
  });

  it('without a source, gives line 0 and formats without a position', () => {
    const r = checkAgreement(
      { ...base(), phases: [{ ...base().phases[0], start: { day: 0 } }, base().phases[1]] },
      { file: 'x.yaml' },
    );
    expect(r.errors[0]).toMatchObject({ file: 'x.yaml', line: 0, column: 0 });
    expect(formatError(r.errors[0]!)).toMatch(/^x\.yaml: Phase "pause" starts on day 0/);
  });
});

describe('places referred to by id', () => {
  it('given a zone named under places, then nothing is said', () => {
    expect(check(() => {}).warnings).toEqual([]);
  });

  it('given a zone, a destination or a place returned to named nowhere, then each is a warning at its place', () => {
    const r = check((a) => {
      delete a.places;
      a.provisions[2].perDay[0].destination = 'south';
      a.provisions.push({
        id: 'return',
        kind: 'displaced-return',
        phase: 'pause',
        party: 'a',
        fromDay: 1,
        to: 'east',
      });
    });
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([
      ['unnamed-place', 'provisions.1.limits.0.zone'],
      ['unnamed-place', 'provisions.2.perDay.0.destination'],
      ['unnamed-place', 'provisions.7.to'],
    ]);
    expect(r.raw.warnings[0]!.message).toBe(
      'The zone "north" is not named anywhere in the agreement, so readers see "north" in every language. Name it under places: - id: north, with name: { en: …, ar: …, he: … }.',
    );
  });

  it('given a place named by a provision (a zone withdrawn from) or a party, then a reference to it is named', () => {
    const r = check((a) => {
      delete a.places;
      a.provisions[1].limits[0].zone = 'corridor';
      a.provisions[2].perDay[0].destination = 'a';
    });
    expect(r.warnings).toEqual([]);
  });
});

describe('an aid provision with totals over the phase only', () => {
  const yaml = readFileSync(join(GOOD, 'minimal.yaml'), 'utf8');
  const quotas = `    perDay:
      - id: trucks
        quantity: 200
        unit: truck
      - id: fuel
        quantity: 4
        unit: truck
        partOf: trucks
`;
  const totals = `    extra:
      - id: ships
        quantity: 18
        unit: ship
`;

  it('leaves perDay out: its totals are planned once for the phase, with no daily quota of 0', () => {
    const r = parseAgreement(yaml.replace(quotas, totals), 'minimal.yaml');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const aid = planAgreement(r.agreement)
      .days.flatMap((d) => d.obligations)
      .filter((o) => o.provision === 'aid');
    expect(aid.map((o) => [o.category, o.quantity, o.unit])).toEqual([['ships', 18, 'ship']]);
  });

  it('is refused when it gives neither quotas per day nor totals', () => {
    const r = parseAgreement(yaml.replace(quotas, ''), 'minimal.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.code)).toEqual(['aid-without-quota']);
  });
});
