import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.ts';

const LOG = 'examples/logs/oct-2025-ceasefire';

/** The text a reader reads: tags, the style sheet and the titles behind lines left out. */
function readerText(html: string): string {
  return (
    html
      .replace(/<style>.*?<\/style>/s, '')
      // An isolated name is read in its place, not apart from its neighbours.
      .replace(/<\/?bdi[^>]*>/g, '')
      .replace(/<[^>]*>/g, ' ')
      .replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c)))
  );
}

/** The Latin-script runs of the report that are not marked as names or words given in Latin script. */
function unmarkedLatin(html: string): string[] {
  const body = html
    .replace(/<style>.*?<\/style>/s, '')
    .replace(/<title>.*?<\/title>/s, '')
    .replace(/<bdi lang="und-Latn">.*?<\/bdi>/gs, '')
    .replace(/<[^>]*>/g, ' ');
  return [...body.matchAll(/[A-Za-z][A-Za-z ]*/g)].map((m) => m[0].trim()).filter(Boolean);
}

describe('the daily report in the reader’s language', () => {
  it.each(['ar', 'he'] as const)(
    'is written in %s from end to end: its frame, names by label, right to left',
    async (lang) => {
      const r = await runCli('report', LOG, '--date', '2025-10-19', '--lang', lang);
      expect(r.status).toBe(0);
      const html = r.stdout;
      expect(html).toContain(`<html lang="${lang}" dir="rtl">`);
      const text = readerText(html);
      for (const english of [
        'Headline figures',
        'Released by',
        'What happened that day',
        'recorded by',
        'evidence:',
        'counted under the formula',
        'reconstructed afterwards',
      ])
        expect(text).not.toContain(english);
      // Parties and exchanges by their names in the agreement, never their ids.
      expect(text).not.toMatch(/\bhamas\b|\bliving-exchange\b|\bisrael\b/);
      expect(text).toContain(lang === 'ar' ? 'حماس' : 'חמאס');
      // No hash of an event is read as words.
      expect(text).not.toMatch(/[0-9a-f]{12}/);
      // Every Latin-script run left is a name or words recorded as given, marked as such.
      expect(unmarkedLatin(html)).toEqual([]);
      // And what is marked as Latin script holds no words of the reader's language (casualty figures are worded, their sources marked).
      expect(html).not.toMatch(/<bdi lang="und-Latn">[^<]*[\u0590-\u06FF]/);
    },
  );

  it.each([
    [
      'en',
      'Returned by Hamas (Remains of deceased hostages): ',
      'Returned by Israel (Bodies of Palestinians): ',
      'Released by Hamas (Return of the living hostages and release of prisoners and detainees): ',
    ],
    [
      'ar',
      'المُعاد من جانب <bdi>حماس</bdi> (<bdi>رفات الرهائن المتوفين</bdi>): ',
      'المُعاد من جانب <bdi>إسرائيل</bdi> (<bdi>جثامين فلسطينيين</bdi>): ',
      'المُفرَج عنهم من جانب <bdi>حماس</bdi> (<bdi>إعادة الرهائن الأحياء والإفراج عن الأسرى والمعتقلين</bdi>): ',
    ],
    [
      'he',
      'הוחזרו בידי <bdi>חמאס</bdi> (<bdi>גופות החטופים שמתו</bdi>): ',
      'הוחזרו בידי <bdi>ישראל</bdi> (<bdi>גופות פלסטינים</bdi>): ',
      'שוחררו בידי <bdi>חמאס</bdi> (<bdi>השבת החטופים החיים ושחרור אסירים ועצורים</bdi>): ',
    ],
  ])(
    'in %s, the headline says the remains each side hands over are returned, by the names of the remains; the living are released',
    async (lang, hamas, israel, living) => {
      const r = await runCli('report', LOG, '--date', '2025-10-19', '--lang', lang);
      expect(r.status).toBe(0);
      // Each headline figure's line, from its <li> to its figure.
      const line = (figure: string) =>
        new RegExp(`<li>((?:(?!<li>).)*)<strong data-figure="release:${figure}"`).exec(r.stdout)?.[1];
      expect(line('remains-exchange:hamas')).toBe(hamas);
      expect(line('remains-exchange:israel')).toBe(israel);
      expect(line('living-exchange:hamas')).toBe(living);
    },
  );

  it.each([
    [
      'en',
      'Batch 1: 180 remains to return (for 12 remains counted) by 19 Oct 12:00; 45 returned by Israel at 14 Oct 12:00 [',
      '<li>Return of the remains of deceased hostages and of Palestinian bodies: 45 returned by Israel, fewer than 15 × 12 counted from Hamas; ',
      /remains to release|45 released by Israel/,
    ],
    [
      'ar',
      'الدفعة 1: المطلوب إعادتها رفات 180 شخصًا (مقابل المحتسَبين: رفات 12 شخصًا) بحلول 19 أكتوبر، 12:00؛ أُعيد 45 من جانب <bdi>إسرائيل</bdi> في 14 أكتوبر، 12:00 [',
      '<li><bdi>إعادة رفات الرهائن المتوفين وجثامين فلسطينيين</bdi>: أُعيد 45 من جانب <bdi>إسرائيل</bdi>، أي أقل من 15 × 12 مما احتُسب من جانب <bdi>حماس</bdi>؛ ',
      /المطلوب الإفراج عنهم رفات|أُفرج عن 45 من جانب/,
    ],
    [
      'he',
      'פעימה 1: להחזרה 180 גופות (עבור הנספרים: 12 גופות) עד 19 באוק׳, 12:00; 45 הוחזרו על ידי <bdi>ישראל</bdi> ב־14 באוק׳, 12:00 [',
      '<li><bdi>השבת גופות החטופים שמתו וגופות פלסטינים</bdi>: 45 הוחזרו על ידי <bdi>ישראל</bdi>, כלומר פחות מאשר 15 × 12 שנספרו מצד <bdi>חמאס</bdi>; ',
      /לשחרור 180 גופות|45 שוחררו על ידי/,
    ],
  ])(
    'in %s, the explanations say the remains Israel hands over are returned: the day’s obligation, what is late and the ratio',
    async (lang, release, ratio, released) => {
      const r = await runCli('report', LOG, '--date', '2025-10-19', '--lang', lang);
      expect(r.status).toBe(0);
      // The release of batch 1 is explained among the day's obligations and again among what is late.
      expect(r.stdout.split(release).length - 1).toBeGreaterThanOrEqual(2);
      expect(r.stdout).toContain(ratio);
      expect(r.stdout).not.toMatch(released);
    },
  );

  it.each([
    [
      'en',
      'Batch 1: return the remains of 28 persons (28 Remains of deceased hostages) to Israel through ',
      'Batch 1: return 420 remains (Bodies of Palestinians) to Hamas through International Committee of the Red Cross, after the handover of batch 1. ⚠ 420 remains by the ratio in all, total stated in the agreement: ⚠ 360 (Reported as the agreed total).',
    ],
    [
      'ar',
      'الدفعة 1: إعادة رفات 28 شخصًا (رفات الرهائن المتوفين: 28) إلى إسرائيل عبر ',
      'الدفعة 1: إعادة رفات 420 شخصًا (جثامين فلسطينيين) إلى حماس عبر اللجنة الدولية للصليب الأحمر، بعد تسليم الدفعة 1. ⚠ رفات 420 شخصًا بحسب النسبة في المجموع، والمجموع المذكور في الاتفاق: ⚠ 360 (Reported as the agreed total).',
    ],
    [
      'he',
      'פעימה 1: השבת גופותיהם של 28 אנשים (גופות החטופים שמתו: 28) אל ישראל דרך ',
      'פעימה 1: השבת 420 גופות (גופות פלסטינים) אל חמאס דרך הוועד הבינלאומי של הצלב האדום, לאחר מסירת פעימה 1. ⚠ 420 גופות לפי היחס בסך הכול, הסך הנקוב בהסכם: ⚠ 360 (Reported as the agreed total).',
    ],
  ])(
    'in %s, the obligations of the exchange of remains are worded as returns, each side’s batch',
    async (lang, hamas, israel) => {
      const r = await runCli('report', LOG, '--date', '2025-10-19', '--lang', lang);
      expect(r.status).toBe(0);
      const text = readerText(r.stdout).replace(/\s+/g, ' ');
      expect(text).toContain(hamas);
      expect(text).toContain(israel);
    },
  );

  it('in English, names parties and exchanges by their labels, not their ids', async () => {
    const r = await runCli('report', LOG, '--date', '2025-10-19');
    expect(r.stdout).toContain('<html lang="en" dir="ltr">');
    expect(r.stdout).not.toContain('Released by hamas (living-exchange)');
    expect(r.stdout).toMatch(
      /Released by Hamas \([^)]*\): <strong data-figure="release:living-exchange:hamas"/,
    );
  });
});
