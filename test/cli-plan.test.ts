import { describe, expect, it } from 'vitest';
import type { Plan } from '../src/core/plan/types.ts';
import { runCli } from './helpers/run-cli.ts';

const NOV = 'examples/agreements/nov-2023-pause.yaml';
const JAN = 'examples/agreements/jan-2025-ceasefire.yaml';

async function planJson(...args: string[]): Promise<Plan> {
  const r = await runCli('plan', ...args, '--json');
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Plan;
}

const personsBy = (plan: Plan, party: string) =>
  plan.totals.filter((t) => t.party === party && t.unit === 'person').reduce((a, t) => a + t.quantity, 0);
const handovers = (plan: Plan) =>
  plan.days
    .flatMap((d) => d.obligations)
    .filter((o) => o.action === 'hand-over' && o.phase === plan.phases[0]!.id);

describe('truce plan, November 2023 pause', () => {
  it('plans 4 days of at least 10, 50 persons one way and 150 the other', async () => {
    const plan = await planJson(NOV);
    expect(plan.agreement).toBe('nov-2023-pause');
    // 23 Nov is day 0: the first list is due that evening, before the pause starts.
    expect(plan.days.map((d) => d.date)).toEqual([
      '2023-11-23',
      '2023-11-24',
      '2023-11-25',
      '2023-11-26',
      '2023-11-27',
    ]);
    expect(plan.days[0]!.obligations.map((o) => [o.action, o.due])).toEqual([
      ['submit-list', '2023-11-24T00:00:00+02:00'],
    ]);
    for (const day of plan.days.filter((d) => d.day >= 1)) {
      const n = day.obligations.filter((o) => o.action === 'hand-over').reduce((a, o) => a + o.quantity!, 0);
      expect(n).toBeGreaterThanOrEqual(10);
    }
    expect(personsBy(plan, 'hamas')).toBe(50);
    expect(personsBy(plan, 'israel')).toBe(150);
    expect(plan.totals.every((t) => typeof t.quantity === 'number' && t.unit && t.category && t.party)).toBe(
      true,
    );
  });

  it('with --extend 3: 7 days, 80 and 240', async () => {
    const plan = await planJson(NOV, '--extend', '3');
    expect(plan.days.filter((d) => d.day >= 1)).toHaveLength(7);
    expect(personsBy(plan, 'hamas')).toBe(80);
    expect(personsBy(plan, 'israel')).toBe(240);
  });

  it('prints a readable day-by-day table by default', async () => {
    const r = await runCli('plan', NOV);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Day 1 {2}Fri 2023-11-24/);
    // Each side of the exchange does the same act, named alike: the counterpart's release goes to its
    // recipient through the exchange's intermediary, as the pace-setter's does.
    expect(r.stdout).toMatch(
      /Hamas → Israel +release +13 persons +Batch 1: release 13 persons \(Women, Children under 19\) to Israel through International Committee of the Red Cross, by 16:00\./,
    );
    expect(r.stdout).toMatch(
      /Israel → Hamas +release +39 persons +Batch 1: release 39 persons \(Women, Children under 19\) to Hamas through International Committee of the Red Cross, by seniority, after the handover of batch 1\./,
    );
    expect(r.stdout).not.toContain('hand-over');
    expect(r.stdout).toMatch(/Totals/);
  });

  it('prints CSV with one row per obligation', async () => {
    const r = await runCli('plan', NOV, '--csv');
    const lines = r.stdout.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^day,date,phase,phase_day,due,provision,action,party/);
    expect(lines.length).toBeGreaterThan(12);
  });

  it('restricts to --from/--to', async () => {
    const plan = await planJson(NOV, '--from', '2023-11-25', '--to', '2023-11-26');
    expect(plan.days.map((d) => d.day)).toEqual([2, 3]);
  });
});

describe('truce plan, January 2025 ceasefire', () => {
  it('phase 1: 33 persons over 42 days on the 3 / 4 / 26 schedule, counterpart per the ratios', async () => {
    const plan = await planJson(JAN);
    const phase1 = handovers(plan);
    expect(phase1.reduce((a, o) => a + o.quantity!, 0)).toBe(33);
    expect(phase1[0]).toMatchObject({ day: 1, quantity: 3 });
    expect(phase1[1]).toMatchObject({ day: 7, quantity: 4 });
    expect(phase1.filter((o) => o.day > 7).reduce((a, o) => a + o.quantity!, 0)).toBe(26);
    expect(Math.max(...phase1.map((o) => o.day))).toBeLessThanOrEqual(42);
    // 30 per civilian and 50 per female soldier: without the mix, between 33 × 30 and 33 × 50.
    const counterpart = plan.totals.find((t) => t.party === 'israel' && t.unit === 'person')!;
    expect(counterpart.quantity).toBe(990);
    expect(counterpart.quantityMax).toBe(1650);
  });

  it('with a known mix, the counterpart total is exact', async () => {
    const counts = {
      'civilian-women': 10,
      'female-soldiers': 5,
      children: 8,
      'men-over-50': 6,
      'sick-and-wounded': 4,
    };
    const plan = await planJson(
      JAN,
      ...Object.entries(counts).flatMap(([c, n]) => ['--count', `phase-1-exchange.${c}=${n}`]),
    );
    const counterpart = plan.totals.find((t) => t.party === 'israel' && t.unit === 'person')!;
    expect(counterpart.quantity).toBe(28 * 30 + 5 * 50);
    expect(counterpart.quantityMax).toBeUndefined();
  });

  it('600 trucks a day, talks by day 16, Netzarim by day 22', async () => {
    const plan = await planJson(JAN, '--to', '42');
    for (const day of plan.days.filter((d) => d.day >= 1)) {
      const trucks = day.obligations.find((o) => o.action === 'admit-aid' && o.category === 'trucks');
      expect(trucks?.quantity).toBe(600);
    }
    const talks = plan.days.flatMap((d) => d.obligations).filter((o) => o.action === 'negotiate');
    expect(new Set(talks.map((o) => o.day))).toEqual(new Set([16]));
    const netzarim = plan.days
      .flatMap((d) => d.obligations)
      .find((o) => o.action === 'withdraw' && /Netzarim/.test(o.description))!;
    expect(netzarim.day).toBe(22);
  });
});

describe('truce plan, bad calls', () => {
  it('exits 2 on a usage error and 1 on a bad file', async () => {
    expect((await runCli('plan')).status).toBe(2);
    expect((await runCli('plan', NOV, '--extend', 'x=y')).status).toBe(2);
    expect((await runCli('plan', NOV, '--bogus')).status).toBe(2);
    const missing = await runCli('plan', 'no/such/file.yaml');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/no\/such\/file\.yaml:1:1: .*no such file/);
  });

  it('exits 1 when a what-if names an unknown provision', async () => {
    const r = await runCli('plan', NOV, '--delay', 'nothing=5');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/"nothing"/);
  });
});

describe('truce plan, what-ifs beyond the limits', () => {
  it('refuses --extend 100000 at once, before reading the file, as a usage error', async () => {
    // The file does not exist: the refusal comes before it would be read, so nothing is computed.
    const r = await runCli('plan', 'no/such/file.yaml', '--extend', '100000');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--extend asks for 100000 days of extension in all; at most 3650 days/);
  });

  it('refuses a huge delay or count, a day beyond the horizon, and a date outside it', async () => {
    for (const args of [
      ['--delay', 'exchange=99999999999999999999'],
      ['--count', 'exchange.women=99999999999'],
      ['--from', '99999999'],
      ['--to', '9999-12-31'],
    ]) {
      const r = await runCli('plan', NOV, ...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/at most|between the years 1900 and 2199/);
    }
    const diff = await runCli('diff', NOV, JAN, '--extend', '100000');
    expect(diff.status).toBe(2);
  });
});

describe('truce plan --lang', () => {
  it('words each line in Hebrew or Arabic with the agreement names; --json keeps the code beside it', async () => {
    const he = await runCli('plan', NOV, '--lang', 'he', '--to', '1');
    expect(he.status).toBe(0);
    expect(he.stdout).toContain('פעימה 1: שחרור 13 אנשים (נשים, ילדים מתחת לגיל 19) לידי ישראל');
    // The parties, and the agreement's title, by their names in the language too; the arrow points
    // from the one who gives to the one who receives as a right-to-left line reads.
    expect(he.stdout).toContain('חמאס ← ישראל + מצרים');
    expect(he.stdout.split('\n')[0]).toMatch(/^הפוגה הומניטרית, נובמבר 2023 — /);
    const ar = (await planJson(NOV, '--lang', 'ar')) as Plan & { lang: string };
    expect(ar.lang).toBe('ar');
    const aid = ar.days[1]!.obligations.find(
      (o) => o.action === 'admit-aid',
    )! as Plan['days'][number]['obligations'][number] & {
      text: string;
    };
    expect(aid.line.code).toBe('plan.admit-aid');
    expect(aid.text).toMatch(/^إدخال 200 شاحنة \(شاحنات المساعدات\)/);
    expect(aid.description).toMatch(/^Let in 200 trucks \(Aid trucks\)/);
  });

  it.each([
    [
      'ar',
      'الهدنة الإنسانية، تشرين الثاني/نوفمبر 2023 — الاتفاق nov-2023-pause، الصيغة 1',
      'اليوم 1  الجمعة، 24 نوفمبر 2023  (الهدنة، اليوم 1)',
      'اليوم 0  الخميس، 23 نوفمبر 2023  (بين مرحلتين)',
      ['إفراج', 'إدخال المساعدات', 'تقديم قائمة'],
      ['المجاميع', 'طوال المدة', 'الأرقام المعلنة إلى جانب الخطة', '⚠ غير مؤكَّد'],
    ],
    [
      'he',
      'הפוגה הומניטרית, נובמבר 2023 — הסכם nov-2023-pause, גרסה 1',
      'יום 1  יום ו׳, 24 בנוב׳ 2023  (ההפוגה, יום 1)',
      'יום 0  יום ה׳, 23 בנוב׳ 2023  (בין שלבים)',
      ['שחרור', 'הכנסת סיוע', 'הגשת רשימה'],
      ['סיכומים', 'לאורך כל התקופה', 'נתונים מוצהרים לצד התוכנית', '⚠ לא ודאי'],
    ],
  ])(
    'writes its frame, its days and its acts in %s, in columns',
    async (lang, head, day1, day0, acts, headings) => {
      const r = await runCli('plan', NOV, '--lang', lang);
      expect(r.status).toBe(0);
      const lines = r.stdout.split('\n');
      expect(lines[0]).toBe(head);
      expect(lines).toContain(day1);
      expect(lines).toContain(day0);
      for (const x of [...acts, ...headings]) expect(r.stdout).toContain(x);
      // No word of the English frame, no action code (--json and --csv keep the codes); the sources'
      // own words stay as the agreement gives them ("Egypt stated the same 200 trucks").
      for (const english of [
        'version',
        'Time zone',
        'Phase',
        'Day ',
        'phase ',
        'between phases',
        'Totals',
        'Throughout',
        'Stated figures',
        ': stated',
        'uncertain',
        'admit-aid',
        'submit-list',
        ' release ',
        'persons',
      ])
        expect(r.stdout, english).not.toContain(english);
      // Each obligation's columns start where the others' do, counted in the cells a terminal gives
      // them (an Arabic vowel mark, as in شخصًا, takes none).
      const cells = (line: string) => [...line.replace(/\p{Mn}/gu, '')];
      const obligations = lines.filter((l) => /^ {2}\d\d:\d\d {2}/.test(l));
      expect(obligations.length).toBeGreaterThan(10);
      const act = 32;
      const quantity = act + (lang === 'ar' ? 16 : 13) + 1;
      const text = quantity + 15;
      for (const l of obligations) {
        const c = cells(l);
        for (const at of [act, text]) expect([c[at - 1], c[at] === ' '], l).toEqual([' ', false]);
        if (c[quantity] !== ' ') expect(c[quantity - 1], l).toBe(' ');
      }
    },
  );

  it("words the planner's notes in the reader's language; --json keeps them in English beside their codes", async () => {
    const MAY = 'examples/agreements/may-2024-proposal.yaml';
    const ar = await runCli('plan', MAY, '--lang', 'ar');
    expect(ar.stdout).toContain(
      '\nملاحظات\n  - لا تاريخ للبدء: تُعدّ الأيام من اليوم 1 ولا تُذكر في الخطة تواريخ من التقويم.\n',
    );
    expect(ar.stdout).toContain(
      '  - وقف دائم للأعمال العدائية: مرحلته «المرحلة الثانية» تلي مرحلة غير محددة الطول، فلا يوضع في التقويم.\n',
    );
    expect(ar.stdout).not.toMatch(/No start date|follows a phase|no batch can be placed/);
    const he = await runCli('plan', MAY, '--lang', 'he');
    expect(he.stdout).toContain('  - חילופי שלב א׳: אי אפשר לשבץ אף פעימה בלוח הזמנים (לא נקבע קצב).\n');
    const json = (await planJson(MAY, '--lang', 'he')) as Plan & { notesText: string[] };
    expect(json.notes).toContain(
      'permanent-cessation: its phase "phase-2" follows a phase of open length, so it is not placed on the calendar.',
    );
    expect(json.noteLines.map((n) => n.code)).toContain('plan.note.open-phase');
    expect(json.notesText).toHaveLength(json.notes.length);
  });

  it('refuses a language it does not have', async () => {
    const r = await runCli('plan', NOV, '--lang', 'fr');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--lang "fr": give en, ar or he/);
  });
});
