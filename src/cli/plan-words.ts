import type { Lang } from '../core/words/lang.ts';
import { ACTION_WORDS } from '../core/words/nouns.ts';
import { localeOf } from '../core/words/render.ts';

/** The words of `truce plan`'s own frame, in each language; `{name}` marks a value filled in, already worded. */
const EN = {
  head: '{title} — {kind} {agreement}, version {version}',
  'kind.agreement': 'agreement',
  'kind.proposal': 'proposal',
  zone: 'Time zone {zone}; starts {start}',
  zoneNoStart: 'Time zone {zone}; no start date',
  start: '{date}',
  'precondition.agreement': 'Precondition of the whole agreement: {text}',
  'precondition.proposal': 'Precondition of the whole proposal: {text}',
  phaseId: 'Phase {id}',
  phaseRef: 'phase {id}',
  phase: '{phase}: {span}{dates}{extended}',
  notPlaced: 'not placed',
  openEnded: 'from day {from}, open-ended (planned to day {to})',
  days: 'days {from}–{to}',
  dates: ' ({from} → {to})',
  noFixedEnd: 'no fixed end',
  open: 'open',
  extended: ', extended by {days}',
  horizon: 'Open-ended phases are planned to day {day}{date}{why}.',
  horizonDate: ' ({date})',
  horizonDefault: ', a default horizon: give --to to plan further',
  horizonAsked: ', as asked with --to',
  day: 'Day {n}',
  inPhase: '{phase}, day {n}',
  dayRun: 'Days {from}–{to}',
  inPhaseDays: '{phase}, days {from}–{to}',
  between: 'between phases',
  nothing: 'nothing falls due',
  nothingDays: 'nothing falls due on any of them',
  uncertain: '⚠ uncertain',
  extension: 'extension',
  delayed: 'delayed {hours}',
  openEndedPhase: 'open-ended phase',
  opened: 'window opened {at}',
  after: '{hours} after {what}',
  afterStart: 'the start',
  'edge.start': 'the start of {phase}',
  'edge.end': 'the end of {phase}',
  sourcesDiffer: 'sources differ: {values}',
  valueSource: '{value} ({source})',
  date: 'date',
  datedFact: '{provision}: {description} (a date, not an obligation)',
  indicative: '(indicative)',
  share: 'a share of {provision} batch {batch}, drawn to picture the window; not an obligation',
  waiting: 'Waiting (not placed on the calendar)',
  waits: '{provision}: waits on {on}{text}',
  waitsOnPhase: '{phase}, which follows a phase with no fixed end',
  throughout: 'Throughout',
  totals: 'Totals',
  bySource: ' (by source: {items})',
  perSource: '{quantity} per {source}',
  stated: 'Stated figures beside the plan',
  statedLine: '{provision}, {party}: stated {values}{planned}',
  statedPlanned: "; the plan's batches and ratios give {quantity}",
  notes: 'Notes',
};

export type PlanWord = keyof typeof EN;

const AR: Record<PlanWord, string> = {
  head: '{title} — {kind} {agreement}، الصيغة {version}',
  'kind.agreement': 'الاتفاق',
  'kind.proposal': 'المقترح',
  zone: 'المنطقة الزمنية {zone}؛ البدء: {start}',
  zoneNoStart: 'المنطقة الزمنية {zone}؛ لا تاريخ للبدء',
  start: '{date}، الساعة {time}',
  'precondition.agreement': 'شرط مسبق للاتفاق كله: {text}',
  'precondition.proposal': 'شرط مسبق للمقترح كله: {text}',
  phaseId: 'المرحلة {id}',
  phaseRef: 'المرحلة {id}',
  phase: '{phase}: {span}{dates}{extended}',
  notPlaced: 'لم توضع في التقويم',
  openEnded: 'من اليوم {from}، بلا نهاية محددة (الخطة حتى اليوم {to})',
  days: 'الأيام {from}–{to}',
  dates: ' ({from} ← {to})',
  noFixedEnd: 'بلا نهاية محددة',
  open: 'مفتوحة',
  extended: '، مع تمديد {days}',
  horizon: 'تمتد الخطة في المراحل التي بلا نهاية محددة حتى اليوم {day}{date}{why}.',
  horizonDate: ' ({date})',
  horizonDefault: '، وهو أفق افتراضي: يمكن التخطيط لما بعده بالخيار --to',
  horizonAsked: '، كما طُلب بالخيار --to',
  day: 'اليوم {n}',
  inPhase: '{phase}، اليوم {n}',
  dayRun: 'الأيام {from}–{to}',
  inPhaseDays: '{phase}، الأيام {from}–{to}',
  between: 'بين مرحلتين',
  nothing: 'لا يُستحق شيء في هذا اليوم',
  nothingDays: 'لا يُستحق شيء في أي من هذه الأيام',
  uncertain: '⚠ غير مؤكَّد',
  extension: 'تمديد',
  delayed: 'تأجيل {hours}',
  openEndedPhase: 'مرحلة بلا نهاية محددة',
  opened: 'تُفتح النافذة في {at}',
  after: '{hours} بعد {what}',
  afterStart: 'البدء',
  'edge.start': 'بداية {phase}',
  'edge.end': 'نهاية {phase}',
  sourcesDiffer: 'المصادر مختلفة: {values}',
  valueSource: '{value} ({source})',
  date: 'تاريخ',
  datedFact: '{provision}: {description} (تاريخ، وليس التزامًا)',
  indicative: '(للتوضيح)',
  share: 'حصة من الدفعة {batch} في {provision}، مرسومة لتصوير النافذة؛ ليست التزامًا',
  waiting: 'في الانتظار (لم توضع في التقويم)',
  waits: '{provision}: ينتظر {on}{text}',
  waitsOnPhase: '{phase}، التي تلي مرحلة بلا نهاية محددة',
  throughout: 'طوال المدة',
  totals: 'المجاميع',
  bySource: ' (حسب المصدر: {items})',
  perSource: '{quantity} وفق {source}',
  stated: 'الأرقام المعلنة إلى جانب الخطة',
  statedLine: '{provision}، {party}: المعلن {values}{planned}',
  statedPlanned: '؛ وتعطي دفعات الخطة ونِسَبها {quantity}',
  notes: 'ملاحظات',
};

const HE: Record<PlanWord, string> = {
  head: '{title} — {kind} {agreement}, גרסה {version}',
  'kind.agreement': 'הסכם',
  'kind.proposal': 'הצעה',
  zone: 'אזור זמן {zone}; התחלה: {start}',
  zoneNoStart: 'אזור זמן {zone}; אין תאריך התחלה',
  start: '{date}, {time}',
  'precondition.agreement': 'תנאי מוקדם להסכם כולו: {text}',
  'precondition.proposal': 'תנאי מוקדם להצעה כולה: {text}',
  phaseId: 'שלב {id}',
  phaseRef: 'שלב {id}',
  phase: '{phase}: {span}{dates}{extended}',
  notPlaced: 'לא שובץ בלוח הזמנים',
  openEnded: 'מיום {from}, ללא סיום קבוע (מתוכנן עד יום {to})',
  days: 'ימים {from}–{to}',
  dates: ' ({from} ← {to})',
  noFixedEnd: 'ללא סיום קבוע',
  open: 'פתוח',
  extended: ', בתוספת {days}',
  horizon: 'שלבים ללא סיום קבוע מתוכננים עד יום {day}{date}{why}.',
  horizonDate: ' ({date})',
  horizonDefault: ', אופק ברירת מחדל: אפשר לתכנן הלאה עם --to',
  horizonAsked: ', כפי שהתבקש עם --to',
  day: 'יום {n}',
  inPhase: '{phase}, יום {n}',
  dayRun: 'ימים {from}–{to}',
  inPhaseDays: '{phase}, ימים {from}–{to}',
  between: 'בין שלבים',
  nothing: 'אין מועדים ביום זה',
  nothingDays: 'אין מועדים באף אחד מימים אלה',
  uncertain: '⚠ לא ודאי',
  extension: 'הארכה',
  delayed: 'דחייה של {hours}',
  openEndedPhase: 'שלב ללא סיום קבוע',
  opened: 'החלון נפתח ב־{at}',
  after: '{hours} אחרי {what}',
  afterStart: 'ההתחלה',
  'edge.start': 'תחילת {phase}',
  'edge.end': 'סוף {phase}',
  sourcesDiffer: 'המקורות חלוקים: {values}',
  valueSource: '{value} ({source})',
  date: 'תאריך',
  datedFact: '{provision}: {description} (תאריך, לא התחייבות)',
  indicative: '(להמחשה)',
  share: 'חלק מפעימה {batch} של {provision}, מוצג להמחשת החלון; אינו התחייבות',
  waiting: 'בהמתנה (לא שובצו בלוח הזמנים)',
  waits: '{provision}: ממתין ל־{on}{text}',
  waitsOnPhase: '{phase}, הבא אחרי שלב ללא סיום קבוע',
  throughout: 'לאורך כל התקופה',
  totals: 'סיכומים',
  bySource: ' (לפי מקור: {items})',
  perSource: '{quantity} לפי {source}',
  stated: 'נתונים מוצהרים לצד התוכנית',
  statedLine: '{provision}, {party}: מוצהר {values}{planned}',
  statedPlanned: '; הפעימות והיחסים של התוכנית נותנים {quantity}',
  notes: 'הערות',
};

const WORDS: Record<Lang, Record<PlanWord, string>> = { en: EN, ar: AR, he: HE };

/** A word of the plan's frame in `lang`, its `{name}` values filled in. */
export function planWord(lang: Lang, key: PlanWord, values: Record<string, string> = {}): string {
  return WORDS[lang][key].replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');
}

/** What a listing's act column calls an act that is not an action of its own: a return of remains. */
const RETURN: Record<Lang, string> = { en: 'return', ar: 'إعادة', he: 'החזרה' };

/**
 * An act of the listing in `lang`: English keeps the action's code, as explanations do; Arabic
 * and Hebrew name it as explanations do (a return of remains as a return).
 */
export function actInWords(act: string, lang: Lang): string {
  if (act === 'return') return RETURN[lang];
  return lang === 'en' ? act : (ACTION_WORDS[lang][act] ?? act);
}

/** The act column's width in each language: its longest word and a space. */
export const ACT_WIDTH: Record<Lang, number> = {
  en: 13,
  ar: Math.max(13, ...Object.values(ACTION_WORDS.ar).map((w) => cellWidth(w) + 1)),
  he: Math.max(13, ...Object.values(ACTION_WORDS.he).map((w) => cellWidth(w) + 1)),
};

const weekdayFormats = new Map<Lang, Intl.DateTimeFormat>();

/**
 * A day of the plan with its weekday: "Fri 2023-11-24" in English (as the plan has always written
 * it), "الجمعة، 24 نوفمبر 2023" and "יום ו׳, 24 בנוב׳ 2023" as Arabic and Hebrew write them.
 */
export function weekdayDate(date: string, lang: Lang): string {
  const at = Date.parse(`${date}T12:00:00Z`);
  if (lang === 'en')
    return `${['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][new Date(at).getUTCDay()]} ${date}`;
  let f = weekdayFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(localeOf(lang), {
      timeZone: 'UTC',
      weekday: lang === 'ar' ? 'long' : 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    });
    weekdayFormats.set(lang, f);
  }
  return f.format(at);
}

/**
 * The columns a terminal gives `s`: one a character but for the marks that sit on the letter
 * before them (Arabic vowels such as the tanwin of شخصًا, Hebrew points) and format characters.
 */
export function cellWidth(s: string): number {
  return [...s.replace(/[\p{Mn}\p{Me}\p{Cf}]/gu, '')].length;
}

/** `s` padded with spaces to `n` columns (as padEnd, counting columns rather than code units). */
export function padCells(s: string, n: number): string {
  return s + ' '.repeat(Math.max(0, n - cellWidth(s)));
}
