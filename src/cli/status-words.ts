import type { Lang } from '../core/words/lang.ts';

/** The words of `truce status`'s own frame, in each language; `{name}` marks a value filled in, already worded. */
const EN = {
  head: '{title} — status at {at} ({zone}), {events}, judged against version {version} of the text',
  headEndOfDay:
    '{title} — status at the end of {day} ({zone}), {events}, judged against version {version} of the text',
  phases: 'Phases:',
  extensions: 'Extensions:',
  headline: 'Headline figures:',
  provisions: 'Provisions:',
  exchanges: 'Exchanges (released or returned so far, persons and remains apart):',
  exchange:
    '{provision}: {from} → {to}: {counted} counted under the formula{fromOutside}; {outside} outside the formula',
  fromOutside: ' ({n} of them released outside the formula and agreed to count)',
  exchangeNothing: '{provision}: {from} → {to}: nothing recorded',
  undisclosed: '; and records whose number was not disclosed: {n} (not counted)',
  ratioUnchecked: '{provision}: {x}',
  ratioHolds: '{provision}: ratio holds: {x}',
  ratioExceeded: '{provision}: ratio exceeded by {n} (more released than required, not a breach): {x}',
  ratioShort: '{provision}: {verdict}: {x}',
  days: 'Day by day:',
  day: 'Day {n}',
  date: 'date',
  disputes: 'Disputes and differing figures:',
  alleged: 'alleged by {actor} against {party}{provision}, {at}: {description}{casualties} [{state}]',
  periods: 'Figures for a period, each as its source gives it (never added up):',
  notes: 'Notes:',
  unrecordedQuota: 'unrecorded: no source gave a figure',
  placed:
    '{provision}: waits for {on}, due any day up to a deadline; the record shows it complete on {date}, so it is placed from that day.',
};

export type StatusWord = keyof typeof EN;

const AR: Record<StatusWord, string> = {
  head: '{title} — الحالة في {at} ({zone})، {events}، وفق الصيغة {version} من النص',
  headEndOfDay: '{title} — الحالة في نهاية يوم {day} ({zone})، {events}، وفق الصيغة {version} من النص',
  phases: 'المراحل:',
  extensions: 'التمديدات:',
  headline: 'الأرقام الرئيسية:',
  provisions: 'البنود:',
  exchanges: 'التبادلات (ما أُفرج عنه أو أُعيد حتى الآن، الأحياء والرفات كلٌّ على حدة):',
  exchange: '{provision}: {from} ← {to}: {counted} محسوبون وفق الصيغة{fromOutside}؛ {outside} خارج الصيغة',
  exchangeNothing: '{provision}: {from} ← {to}: لم يُسجَّل شيء',
  undisclosed: '؛ وسجلات لم يُكشف عن عددها: {n} (غير محتسبة)',
  ratioUnchecked: '{provision}: {x}',
  fromOutside: ' ({n} منهم أُفرج عنهم خارج الصيغة واتُّفق على احتسابهم)',
  ratioHolds: '{provision}: النسبة مستوفاة: {x}',
  ratioExceeded: '{provision}: تجاوزت النسبة بـ{n} (أُفرج عن أكثر من المطلوب، وليس ذلك خرقًا): {x}',
  ratioShort: '{provision}: {verdict}: {x}',
  days: 'يومًا بيوم:',
  day: 'اليوم {n}',
  date: 'تاريخ',
  disputes: 'الخلافات والأرقام المتباينة:',
  alleged: 'ادعاء من {actor} ضد {party}{provision}، {at}: {description}{casualties} [{state}]',
  periods: 'أرقام لفترة، كلٌّ كما يعطيه مصدره (لا تُجمع أبدًا):',
  notes: 'ملاحظات:',
  unrecordedQuota: 'غير مسجَّل: لم يقدّم أي مصدر رقمًا',
  placed:
    '{provision}: ينتظر {on}، ويُستحق في أي يوم حتى موعد نهائي؛ يُظهر السجل اكتماله في {date}، فوُضع في التقويم من ذلك اليوم.',
};

const HE: Record<StatusWord, string> = {
  head: '{title} — מצב נכון ל־{at} ({zone}), {events}, לפי גרסה {version} של הנוסח',
  headEndOfDay: '{title} — מצב נכון לסוף יום {day} ({zone}), {events}, לפי גרסה {version} של הנוסח',
  phases: 'שלבים:',
  extensions: 'הארכות:',
  headline: 'נתונים עיקריים:',
  provisions: 'סעיפים:',
  exchanges: 'חילופים (מה ששוחרר או הוחזר עד כה, חיים וגופות בנפרד):',
  exchange: '{provision}: {from} ← {to}: {counted} נספרו לפי הנוסחה{fromOutside}; {outside} מחוץ לנוסחה',
  exchangeNothing: '{provision}: {from} ← {to}: לא נרשם דבר',
  undisclosed: '; ורשומות שמספרן לא פורסם: {n} (לא נספרו)',
  ratioUnchecked: '{provision}: {x}',
  fromOutside: ' ({n} מהם שוחררו מחוץ לנוסחה והוסכם למנותם)',
  ratioHolds: '{provision}: היחס מתקיים: {x}',
  ratioExceeded: '{provision}: היחס נחרג ב־{n} (שוחררו יותר מהנדרש, ואין זו הפרה): {x}',
  ratioShort: '{provision}: {verdict}: {x}',
  days: 'יום אחר יום:',
  day: 'יום {n}',
  date: 'תאריך',
  disputes: 'מחלוקות ונתונים שונים:',
  alleged: 'טענה של {actor} נגד {party}{provision}, {at}: {description}{casualties} [{state}]',
  periods: 'נתונים לתקופה, כל אחד כפי שמקורו מסר אותו (לעולם אינם מסוכמים):',
  notes: 'הערות:',
  unrecordedQuota: 'לא נרשם: אף מקור לא מסר נתון',
  placed:
    '{provision}: ממתין ל־{on}, ומועדו בכל יום עד מועד אחרון; היומן מראה שהושלם ב־{date}, ולכן שובץ מאותו יום.',
};

const WORDS: Record<Lang, Record<StatusWord, string>> = { en: EN, ar: AR, he: HE };

/** A word of the status's frame in `lang`, its `{name}` values filled in. */
export function statusWord(lang: Lang, key: StatusWord, values: Record<string, string> = {}): string {
  return WORDS[lang][key].replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');
}
