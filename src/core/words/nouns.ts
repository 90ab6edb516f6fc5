import type { Status } from '../compliance/types.ts';
import type { Lang } from './lang.ts';

/**
 * Forms of a counted noun by plural category (Intl.PluralRules); `#` is the number. `twoOblique` is
 * the Arabic dual after a preposition or as an object (genitive or accusative: يومين, not يومان).
 */
export type Forms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string; twoOblique?: string };

const en = (one: string, many = `${one}s`): Forms => ({ one: `# ${one}`, other: `# ${many}` });
/**
 * Arabic: 1 and 2 without the digit, 3–10 plural, 11–99 singular accusative, 100+ singular. The
 * dual ends in ـان as a subject and in ـين after a preposition or as an object (شاحنتان, شاحنتين).
 */
const ar = (one: string, two: string, few: string, many: string, other: string): Forms => ({
  one,
  two,
  twoOblique: two.replace(/ان$/, 'ين'),
  few: `# ${few}`,
  many: `# ${many}`,
  other: `# ${other}`,
});
const he = (one: string, two: string, other: string): Forms => ({ one, two, other: `# ${other}` });

/** Units of the plan and of the comparison, and the things explanations count. */
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
    ship: en('ship'),
    zone: en('zone'),
    unit: en('unit'),
    obligation: en('obligation'),
    allegation: en('allegation'),
    event: en('event'),
    day: en('day'),
    hour: { other: '# h' },
    minute: en('minute'),
  },
  ar: {
    person: ar('شخص واحد', 'شخصان', 'أشخاص', 'شخصًا', 'شخص'),
    remains: {
      one: 'رفات شخص واحد',
      two: 'رفات شخصين',
      twoOblique: 'رفات شخصين',
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
    ship: ar('سفينة واحدة', 'سفينتان', 'سفن', 'سفينة', 'سفينة'),
    zone: ar('منطقة واحدة', 'منطقتان', 'مناطق', 'منطقة', 'منطقة'),
    unit: ar('وحدة واحدة', 'وحدتان', 'وحدات', 'وحدة', 'وحدة'),
    obligation: ar('التزام واحد', 'التزامان', 'التزامات', 'التزامًا', 'التزام'),
    allegation: ar('ادعاء واحد', 'ادعاءان', 'ادعاءات', 'ادعاءً', 'ادعاء'),
    event: ar('حدث واحد', 'حدثان', 'أحداث', 'حدثًا', 'حدث'),
    day: ar('يوم واحد', 'يومان', 'أيام', 'يومًا', 'يوم'),
    hour: ar('ساعة واحدة', 'ساعتان', 'ساعات', 'ساعة', 'ساعة'),
    minute: ar('دقيقة واحدة', 'دقيقتان', 'دقائق', 'دقيقة', 'دقيقة'),
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
    ship: he('ספינה אחת', 'שתי ספינות', 'ספינות'),
    zone: he('אזור אחד', 'שני אזורים', 'אזורים'),
    unit: he('יחידה אחת', 'שתי יחידות', 'יחידות'),
    obligation: he('התחייבות אחת', 'שתי התחייבויות', 'התחייבויות'),
    allegation: he('טענה אחת', 'שתי טענות', 'טענות'),
    event: he('אירוע אחד', 'שני אירועים', 'אירועים'),
    day: he('יום אחד', 'יומיים', 'ימים'),
    hour: he('שעה אחת', 'שעתיים', 'שעות'),
    minute: he('דקה אחת', 'שתי דקות', 'דקות'),
  },
};

/** Short units of a duration in English ("45 min", "5 h", "2 d 3 h"); other languages use the nouns. */
export const DURATION: Record<
  Lang,
  { minute: string; hour: string; day: string; about: string; and: string }
> = {
  en: { minute: 'min', hour: 'h', day: 'd', about: 'about {x}', and: '{a} {b}' },
  ar: { minute: 'minute', hour: 'hour', day: 'day', about: 'نحو {x}', and: '{a} و{b}' },
  he: { minute: 'minute', hour: 'hour', day: 'day', about: 'כ־{x}', and: '{a} ו־{b}' },
};

/** Statuses as explanations word them (English keeps the code, as it always has). */
export const STATUS_WORDS: Record<Lang, Record<Status, string>> = {
  en: {
    'not-yet-due': 'not-yet-due',
    met: 'met',
    'met-late': 'met-late',
    'partly-met': 'partly-met',
    missed: 'missed',
    disputed: 'disputed',
    suspended: 'suspended',
    superseded: 'superseded',
    unrecorded: 'unrecorded',
    'dated-fact': 'dated-fact',
  },
  ar: {
    'not-yet-due': 'لم يحن موعده',
    met: 'نُفِّذ',
    'met-late': 'نُفِّذ متأخرًا',
    'partly-met': 'نُفِّذ جزئيًا',
    missed: 'لم يُنفَّذ',
    disputed: 'متنازع عليه',
    suspended: 'معلَّق',
    superseded: 'مستبدَل',
    unrecorded: 'غير مسجَّل',
    'dated-fact': 'تاريخ، لا التزام',
  },
  he: {
    'not-yet-due': 'טרם הגיע מועדו',
    met: 'בוצע',
    'met-late': 'בוצע באיחור',
    'partly-met': 'בוצע חלקית',
    missed: 'לא בוצע',
    disputed: 'שנוי במחלוקת',
    suspended: 'מושעה',
    superseded: 'הוחלף',
    unrecorded: 'לא נרשם',
    'dated-fact': 'תאריך, לא התחייבות',
  },
};

/** Actions of the plan as explanations name them (English keeps the code, as it always has). */
export const ACTION_WORDS: Record<Exclude<Lang, 'en'>, Record<string, string>> = {
  ar: {
    'submit-list': 'تقديم قائمة',
    'hand-over': 'تسليم',
    release: 'إفراج',
    'admit-aid': 'إدخال المساعدات',
    'deliver-extra': 'إيصال',
    withdraw: 'انسحاب',
    'allow-return': 'السماح بالعودة',
    'open-crossing': 'فتح معبر',
    evacuate: 'إجلاء',
    pause: 'توقف',
    negotiate: 'تفاوض',
    'let-cross': 'السماح بالعبور',
    'reach-milestone': 'بلوغ محطة',
  },
  he: {
    'submit-list': 'הגשת רשימה',
    'hand-over': 'מסירה',
    release: 'שחרור',
    'admit-aid': 'הכנסת סיוע',
    'deliver-extra': 'אספקה',
    withdraw: 'נסיגה',
    'allow-return': 'התרת חזרה',
    'open-crossing': 'פתיחת מעבר',
    evacuate: 'פינוי',
    pause: 'הפוגה',
    negotiate: 'משא ומתן',
    'let-cross': 'מעבר אנשים',
    'reach-milestone': 'השגת אבן דרך',
  },
};
