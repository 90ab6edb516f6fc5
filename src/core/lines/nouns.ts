import type { Lang } from '../words/lang.ts';

/** Forms of a counted noun by plural category (Intl.PluralRules); `#` is the number. */
export type Forms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const en = (one: string, many = `${one}s`): Forms => ({ one: `# ${one}`, other: `# ${many}` });
/** Arabic: 1 and 2 without the digit, 3–10 plural, 11–99 singular accusative, 100+ singular. */
const ar = (one: string, two: string, few: string, many: string, other: string): Forms => ({
  one,
  two,
  few: `# ${few}`,
  many: `# ${many}`,
  other: `# ${other}`,
});
const he = (one: string, two: string, other: string): Forms => ({ one, two, other: `# ${other}` });

/** Units of the plan and of the comparison, counted. */
export const NOUNS: Record<Lang, Record<string, Forms>> = {
  en: {
    person: en('person'),
    remains: { other: '# remains' },
    truck: en('truck'),
    litre: en('litre'),
    patient: en('patient'),
    companion: en('companion'),
    resident: en('resident'),
    tent: en('tent'),
    home: en('home'),
    zone: en('zone'),
    day: en('day'),
    hour: { other: '# h' },
  },
  ar: {
    person: ar('شخص واحد', 'شخصان', 'أشخاص', 'شخصًا', 'شخص'),
    remains: {
      one: 'رفات شخص واحد',
      two: 'رفات شخصين',
      few: 'رفات # أشخاص',
      many: 'رفات # شخصًا',
      other: 'رفات # شخص',
    },
    truck: ar('شاحنة واحدة', 'شاحنتان', 'شاحنات', 'شاحنة', 'شاحنة'),
    litre: ar('لتر واحد', 'لتران', 'لترات', 'لترًا', 'لتر'),
    patient: ar('مريض واحد', 'مريضان', 'مرضى', 'مريضًا', 'مريض'),
    companion: ar('مرافق واحد', 'مرافقان', 'مرافقين', 'مرافقًا', 'مرافق'),
    resident: ar('ساكن واحد', 'ساكنان', 'سكان', 'ساكنًا', 'ساكن'),
    tent: ar('خيمة واحدة', 'خيمتان', 'خيام', 'خيمة', 'خيمة'),
    home: ar('منزل واحد', 'منزلان', 'منازل', 'منزلًا', 'منزل'),
    zone: ar('منطقة واحدة', 'منطقتان', 'مناطق', 'منطقة', 'منطقة'),
    day: ar('يوم واحد', 'يومان', 'أيام', 'يومًا', 'يوم'),
    hour: ar('ساعة واحدة', 'ساعتان', 'ساعات', 'ساعة', 'ساعة'),
  },
  he: {
    person: he('אדם אחד', 'שני אנשים', 'אנשים'),
    remains: he('גופה אחת', 'שתי גופות', 'גופות'),
    truck: he('משאית אחת', 'שתי משאיות', 'משאיות'),
    litre: he('ליטר אחד', 'שני ליטרים', 'ליטרים'),
    patient: he('חולה אחד', 'שני חולים', 'חולים'),
    companion: he('מלווה אחד', 'שני מלווים', 'מלווים'),
    resident: he('תושב אחד', 'שני תושבים', 'תושבים'),
    tent: he('אוהל אחד', 'שני אוהלים', 'אוהלים'),
    home: he('בית אחד', 'שני בתים', 'בתים'),
    zone: he('אזור אחד', 'שני אזורים', 'אזורים'),
    day: he('יום אחד', 'יומיים', 'ימים'),
    hour: he('שעה אחת', 'שעתיים', 'שעות'),
  },
};
