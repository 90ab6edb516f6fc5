import { describe, expect, it } from 'vitest';
import { runCli as runCliAsIs } from './helpers/run-cli.ts';

const LOG = 'examples/logs/oct-2025-ceasefire';
const AT = '2025-10-19T23:00:00+03:00';
const FSI = '\u2068';
const PDI = '\u2069';

/** truce status's words, without the isolates around names and recorded words (tested apart, below). */
async function runCli(...argv: string[]) {
  const r = await runCliAsIs(...argv);
  return { ...r, stdout: r.stdout.replace(/[\u2068\u2069]/g, '') };
}

describe('truce status in the reader’s language', () => {
  it('names parties and exchanges by their labels in English, never by their ids', async () => {
    const r = await runCli('status', LOG, '--at', AT);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/released by hamas \(living-exchange\)/i);
    expect(r.stdout).not.toContain('hamas → israel');
    expect(r.stdout).toMatch(/^ {2}Released by Hamas \(.+\): 20 of ⚠ 20 in the plan to date$/m);
    expect(r.stdout).toMatch(/: Hamas → Israel: 20 counted under the formula; 0 outside the formula$/m);
    // Phases by their titles, not their ids.
    expect(r.stdout).toMatch(
      /^Phases:\n {2}Phase 1 +Started 10 Oct 12:00\.\n {2}Later phases +No start recorded\.$/m,
    );
  });

  it.each([
    ['ar', 'الأرقام الرئيسية:', 'البنود:', 'حماس ← إسرائيل'],
    ['he', 'נתונים עיקריים:', 'סעיפים:', 'חמאס ← ישראל'],
  ])('writes its frame in %s', async (lang, headline, provisions, direction) => {
    const r = await runCli('status', LOG, '--at', AT, '--lang', lang);
    expect(r.status).toBe(0);
    for (const english of [
      'Phases:',
      'Headline figures:',
      'Provisions:',
      'Exchanges (',
      'Day by day:',
      'released by',
      'counted under the formula',
      'reconstructed afterwards',
    ])
      expect(r.stdout).not.toContain(english);
    expect(r.stdout).toContain(headline);
    expect(r.stdout).toContain(provisions);
    expect(r.stdout).toContain(direction);
    expect(r.stdout).not.toMatch(/\bhamas\b|\bliving-exchange\b|\bunrecorded\b/);
  });

  it.each([
    [
      'en',
      'Returned by Hamas (Remains of deceased hostages): 12 of ⚠ 28 in the plan to date',
      'Returned by Israel (Bodies of Palestinians): 45 of ⚠ 180 in the plan to date; ',
      'Released by',
      'Headline figures:',
    ],
    [
      'ar',
      'المُعاد من جانب حماس (رفات الرهائن المتوفين): 12 من أصل ⚠ 28 في الخطة حتى الآن',
      'المُعاد من جانب إسرائيل (جثامين فلسطينيين): 45 من أصل ⚠ 180 في الخطة حتى الآن؛ ',
      'المُفرَج عنهم من جانب',
      'الأرقام الرئيسية:',
    ],
    [
      'he',
      'הוחזרו בידי חמאס (גופות החטופים שמתו): 12 מתוך ⚠ 28 בתוכנית עד כה',
      'הוחזרו בידי ישראל (גופות פלסטינים): 45 מתוך ⚠ 180 בתוכנית עד כה; ',
      'שוחררו בידי',
      'נתונים עיקריים:',
    ],
  ])(
    'in %s, the headline says the remains each side hands over are returned, by the names of the remains, never released',
    async (lang, hamas, israel, released, heading) => {
      const r = await runCli('status', LOG, '--at', AT, '--lang', lang);
      expect(r.status).toBe(0);
      // The headline section: from its heading to the next line that is not indented.
      const all = r.stdout.split('\n');
      expect(all).toContain(heading);
      const from = all.indexOf(heading) + 1;
      const headline = all.slice(
        from,
        all.findIndex((l, i) => i >= from && !l.startsWith(' ')),
      );
      expect(headline.length).toBeGreaterThan(0);
      expect(headline).toContain(`  ${hamas}`);
      expect(headline.some((l) => l.startsWith(`  ${israel}`))).toBe(true);
      // Released only for the living: two lines, those of the exchange of the living.
      const releasedLines = headline.filter((l) => l.startsWith(`  ${released}`));
      expect(releasedLines).toHaveLength(2);
      for (const l of releasedLines) expect(l).not.toMatch(/remains|رفات|גופות/i);
    },
  );

  it.each([
    [
      'en',
      'Batch 1: 180 remains to return (for 12 remains counted) by 19 Oct 12:00; 45 returned by Israel at 14 Oct 12:00 [',
      '  Return of the remains of deceased hostages and of Palestinian bodies: ratio does not hold, past the derived deadline ⚠: 45 returned by Israel, fewer than 15 × 12 counted from Hamas; ',
      /remains to release|released by Israel at 14 Oct|45 released by Israel/,
    ],
    [
      'ar',
      'الدفعة 1: المطلوب إعادتها رفات 180 شخصًا (مقابل المحتسَبين: رفات 12 شخصًا) بحلول 19 أكتوبر، 12:00؛ أُعيد 45 من جانب إسرائيل في 14 أكتوبر، 12:00 [',
      'أُعيد 45 من جانب إسرائيل، أي أقل من 15 × 12 مما احتُسب من جانب حماس؛ ',
      /المطلوب الإفراج عنهم رفات|أُفرج عن 45 من جانب إسرائيل/,
    ],
    [
      'he',
      'פעימה 1: להחזרה 180 גופות (עבור הנספרים: 12 גופות) עד 19 באוק׳, 12:00; 45 הוחזרו על ידי ישראל ב־14 באוק׳, 12:00 [',
      '45 הוחזרו על ידי ישראל, כלומר פחות מאשר 15 × 12 שנספרו מצד חמאס; ',
      /לשחרור 180 גופות|45 שוחררו על ידי ישראל/,
    ],
  ])(
    'in %s, the explanations say the remains Israel hands over are returned, its batch, each handover and the ratio; the living are still released',
    async (lang, release, ratio, released) => {
      const r = await runCli('status', LOG, '--at', AT, '--lang', lang);
      expect(r.status).toBe(0);
      const line = r.stdout.split('\n').find((l) => l.includes(release));
      expect(line, `a line with ${release}`).toBeDefined();
      expect(r.stdout).toContain(ratio);
      expect(r.stdout).not.toMatch(released);
      // The exchange of the living keeps its words.
      if (lang === 'en')
        expect(r.stdout).toContain(
          'In all: 1,968 persons to release by 13 Oct 12:00; 1,968 released by Israel at 13 Oct 12:00',
        );
    },
  );

  it('words a provision placed from the record by the names of what it waits for, in the reader’s language', async () => {
    const en = await runCli('status', LOG, '--at', '2026-02-10');
    expect(en.stdout).toContain(
      '  Rafah crossing: waits for Return of the remains of deceased hostages and of Palestinian bodies, due any day up to a deadline; the record shows it complete on 2026-01-26, so it is placed from that day.',
    );
    const ar = await runCli('status', LOG, '--at', '2026-02-10', '--lang', 'ar');
    expect(ar.stdout).toContain('  معبر رفح: ينتظر إعادة رفات الرهائن المتوفين وجثامين فلسطينيين، ويُستحق');
    expect(ar.stdout).not.toContain('waits for');
  });

  it.each([
    ['en', 'status at the end of 14 Oct 2025 (Asia/Gaza)'],
    ['ar', 'الحالة في نهاية يوم 14 أكتوبر 2025 (Asia/Gaza)'],
    ['he', 'מצב נכון לסוף יום 14 באוק׳ 2025 (Asia/Gaza)'],
  ])(
    'in %s, a bare --at date is said as the end of that day, never as the next day at 00:00',
    async (lang, head) => {
      const r = await runCli('status', LOG, '--at', '2025-10-14', '--lang', lang);
      expect(r.status).toBe(0);
      const first = r.stdout.split('\n').find((l) => l.includes('(Asia/'));
      expect(first).toContain(head);
      expect(first).not.toMatch(/2025-10-15|15 Oct|00:00|٠٠:٠٠/);
      // The instant itself is unchanged in --json: midnight that ends the day.
      const json = await runCli('status', LOG, '--at', '2025-10-14', '--lang', lang, '--json');
      expect(JSON.parse(json.stdout).asOf).toBe('2025-10-15T00:00:00+03:00');
    },
  );

  it('a moment during a day keeps its time of day', async () => {
    const r = await runCli('status', LOG, '--at', '2025-10-14T12:00:00+03:00');
    expect(r.stdout).toMatch(/ — status at 2025-10-14 12:00 \(Asia\/Gaza\)/);
  });

  it.each([
    ['ar', 'المصدر'],
    ['he', 'מקור'],
  ])(
    'in %s, isolates each name and recorded words in its line, so a bracket beside a Latin source keeps its side',
    async (lang, source) => {
      const r = await runCliAsIs('status', LOG, '--lang', lang);
      expect(r.status).toBe(0);
      // "Claim by Hamas (source: Gaza authorities): Line markers …", each part in its own isolate.
      expect(r.stdout).toContain(`(${source}: ${FSI}Gaza authorities${PDI}): ${FSI}Line markers placed`);
      expect(r.stdout).toContain(`${FSI}Reported as the agreed total${PDI}`);
      // Every isolate closed on its line; none shown as an escaped control.
      for (const line of r.stdout.split('\n'))
        expect(line.split(FSI).length, line).toBe(line.split(PDI).length);
      expect(r.stdout).not.toContain('<U+');
      // English lines need none.
      const en = await runCliAsIs('status', LOG);
      expect(en.stdout).not.toMatch(/[\u2068\u2069]/);
    },
  );
});
