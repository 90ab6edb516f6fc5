import type { Lang } from '../words/lang.ts';

/**
 * The words of the daily report's own frame (headings, table headers, the lines around figures)
 * and of the headline figures, in each language. `{name}` marks a value the edge fills in, already
 * worded (and, in HTML, escaped and isolated).
 */
const EN = {
  title: '{title} — situation report for {date}',
  asOf: 'As of {at} ({zone}), from {events} of the log, judged against version {version} of the agreement text. Statuses are computed from the log; every figure keeps its source.',
  asOfEndOfDay:
    'As of the end of {day} ({zone}), from {events} of the log, judged against version {version} of the agreement text. Statuses are computed from the log; every figure keeps its source.',
  'h.headline': 'Headline figures',
  'h.phases': 'Phases',
  'h.happened': 'What happened that day',
  'h.today': "The day's obligations",
  'h.late': 'Late or outstanding',
  'h.disputes': 'Disputes, with their sources',
  'h.figures': 'Figures from several sources',
  'h.allegations': 'Allegations that day',
  'h.cumulative': 'Cumulative figures',
  'h.provisions': 'Provisions',
  none: 'None.',
  'th.status': 'status',
  'th.obligation': 'obligation',
  'th.party': 'party',
  'th.explanation': 'explanation',
  evidence: 'evidence: {items}',
  'evidence.none': 'none',
  'event.one': '1 event of the log',
  'event.other': '{n} events of the log',
  released: 'Released by {party} ({provision}): {counted} of {due} in the plan to date',
  returned: 'Returned by {party} ({categories}): {counted} of {due} in the plan to date',
  releasedAhead:
    'Released by {party} ({provision}): {counted}, ahead of the {due} in the plan to date ({all} in all)',
  returnedAhead:
    'Returned by {party} ({categories}): {counted}, ahead of the {due} in the plan to date ({all} in all)',
  releasedMore: 'Released by {party} ({provision}): {counted}, more than the {due} in the plan to date',
  returnedMore: 'Returned by {party} ({categories}): {counted}, more than the {due} in the plan to date',
  releasedNoNumber: 'Released by {party} ({provision}): {counted}; the agreement sets no number',
  returnedNoNumber: 'Returned by {party} ({categories}): {counted}; the agreement sets no number',
  releasedUndated:
    'Released by {party} ({provision}): {counted} of the {all} the agreement states; it sets no date',
  returnedUndated:
    'Returned by {party} ({categories}): {counted} of the {all} the agreement states; it sets no date',
  releasedUndatedMore:
    'Released by {party} ({provision}): {counted}, more than the {all} the agreement states; it sets no date',
  returnedUndatedMore:
    'Returned by {party} ({categories}): {counted}, more than the {all} the agreement states; it sets no date',
  releasedNoDate: 'Released by {party} ({provision}): {counted}; the agreement sets no date',
  returnedNoDate: 'Returned by {party} ({categories}): {counted}; the agreement sets no date',
  recovered:
    'Recovered by {by} without a handover ({provision}): {counted} on {day}; not counted as returned',
  releasedNotYetDue: 'Released by {party} ({provision}): {counted} of the {all} due by {by}',
  returnedNotYetDue: 'Returned by {party} ({categories}): {counted} of the {all} due by {by}',
  releasedNotYetDueMore: 'Released by {party} ({provision}): {counted}, more than the {all} due by {by}',
  returnedNotYetDueMore: 'Returned by {party} ({categories}): {counted}, more than the {all} due by {by}',
  releasedNotYetDueNone: 'Released by {party} ({provision}): {counted}; {all} due by {by}',
  returnedNotYetDueNone: 'Returned by {party} ({categories}): {counted}; {all} due by {by}',
  nothingYet: 'nothing recorded yet',
  outside: '({n} outside the formula)',
  undisclosed: '(and records whose number was not disclosed: {n}, not counted)',
  quota: '{quota}: quota to date {due}',
  range: '{low} to {high}',
  noOwnFigure: "no figure of their own for {n} of {due} days due (a period's figure is not a day's)",
  nothingForDays: 'nothing recorded for {n} of {due} days due',
  disagree: 'sources disagree on {days}',
  perSource: 'per {source}: {quantity} over {days} reported ({dates}), against {quota} for those days',
  perPeriod:
    'per {source}: {quantity} from {from} to {to} (one figure for the whole period), against {quota} for those days',
  noSource: '— {figure}: no source gave a figure',
  happened: '{time} {kind} — recorded by {actor}',
  note: '(note: {note})',
  earlier: 'an earlier event',
  earlierNo: 'no. {n}, {kind}, {at}',
  commitments: '{n} named by commitment',
  killed: '{n} killed',
  injured: '{n} injured',
  casualtiesPer: '{counts} per {source}',
  yes: 'yes',
  no: 'no',
  alleges: '{actor} alleges against {party}',
  disputedBy: '{actor} disputes it: {reason}',
  disputedByBare: '{actor} disputes it',
  sourced: '(source: {source})',
  cumulative:
    '{provision}: {from} → {to}: {counted} counted under the formula, {outside} outside the formula',
  cumulativeNothing: '{provision}: {from} → {to}: nothing recorded',
  perFigure: '{n} per {source}',
  differ: '(they differ)',
  figureWhat: '{what} on {date}',
  figureWhatPeriod: '{what} from {from} to {to}',
  chart: 'Cumulative persons counted per batch',
  reached: 'quota reached on {reached} of {days}',
  'state.open': 'open',
  'state.disputed': 'disputed',
  'state.acknowledged': 'acknowledged',
  'state.withdrawn': 'withdrawn',
  'state.resolved': 'resolved',
  'state.resolvedBy': 'resolved by {actor}: {finding}',
  breaches: 'Breaches on record (found by a mediator or acknowledged by the side alleged against):',
  'state.acknowledgedBy': 'acknowledged by {actor}, the side alleged against',
};

export type FrameKey = keyof typeof EN;

const AR: Record<FrameKey, string> = {
  title: '{title} — تقرير الوضع ليوم {date}',
  asOf: 'حتى {at} ({zone})، من {events} في السجل، وفق الصيغة {version} من نص الاتفاق. الحالات محسوبة من السجل، وكل رقم يبقى منسوبًا إلى مصدره.',
  asOfEndOfDay:
    'حتى نهاية يوم {day} ({zone})، من {events} في السجل، وفق الصيغة {version} من نص الاتفاق. الحالات محسوبة من السجل، وكل رقم يبقى منسوبًا إلى مصدره.',
  'h.headline': 'الأرقام الرئيسية',
  'h.phases': 'المراحل',
  'h.happened': 'ما جرى في ذلك اليوم',
  'h.today': 'التزامات اليوم',
  'h.late': 'المتأخر أو المعلّق',
  'h.disputes': 'الخلافات، مع مصادرها',
  'h.figures': 'أرقام من عدة مصادر',
  'h.allegations': 'ادعاءات ذلك اليوم',
  'h.cumulative': 'الأرقام التراكمية',
  'h.provisions': 'البنود',
  none: 'لا شيء.',
  'th.status': 'الحالة',
  'th.obligation': 'الالتزام',
  'th.party': 'الطرف',
  'th.explanation': 'الشرح',
  evidence: 'الأدلة: {items}',
  'evidence.none': 'لا شيء',
  'event.one': 'حدث واحد من السجل',
  'event.other': 'عدد أحداث السجل: {n}',
  released: 'المُفرَج عنهم من جانب {party} ({provision}): {counted} من أصل {due} في الخطة حتى الآن',
  returned: 'المُعاد من جانب {party} ({categories}): {counted} من أصل {due} في الخطة حتى الآن',
  releasedAhead:
    'المُفرَج عنهم من جانب {party} ({provision}): {counted}، أي أكثر من {due} في الخطة حتى الآن (المجموع في الخطة: {all})',
  returnedAhead:
    'المُعاد من جانب {party} ({categories}): {counted}، أي أكثر من {due} في الخطة حتى الآن (المجموع في الخطة: {all})',
  releasedMore: 'المُفرَج عنهم من جانب {party} ({provision}): {counted}، أي أكثر من {due} في الخطة حتى الآن',
  returnedMore: 'المُعاد من جانب {party} ({categories}): {counted}، أي أكثر من {due} في الخطة حتى الآن',
  releasedNoNumber: 'المُفرَج عنهم من جانب {party} ({provision}): {counted}؛ لا يحدد الاتفاق عددًا',
  returnedNoNumber: 'المُعاد من جانب {party} ({categories}): {counted}؛ لا يحدد الاتفاق عددًا',
  releasedUndated:
    'المُفرَج عنهم من جانب {party} ({provision}): {counted} من أصل {all} ينص عليها الاتفاق؛ ولا يحدد لها موعدًا',
  returnedUndated:
    'المُعاد من جانب {party} ({categories}): {counted} من أصل {all} ينص عليها الاتفاق؛ ولا يحدد لها موعدًا',
  releasedUndatedMore:
    'المُفرَج عنهم من جانب {party} ({provision}): {counted}، أي أكثر من {all} ينص عليها الاتفاق؛ ولا يحدد لها موعدًا',
  returnedUndatedMore:
    'المُعاد من جانب {party} ({categories}): {counted}، أي أكثر من {all} ينص عليها الاتفاق؛ ولا يحدد لها موعدًا',
  releasedNoDate: 'المُفرَج عنهم من جانب {party} ({provision}): {counted}؛ لا يحدد الاتفاق موعدًا',
  returnedNoDate: 'المُعاد من جانب {party} ({categories}): {counted}؛ لا يحدد الاتفاق موعدًا',
  recovered: 'المُنتشَل على يد {by} دون تسليم ({provision}): {counted} في {day}؛ لا يُحسب ضمن المُعاد',
  releasedNotYetDue: 'المُفرَج عنهم من جانب {party} ({provision}): {counted} من أصل {all} مستحقة بحلول {by}',
  returnedNotYetDue: 'المُعاد من جانب {party} ({categories}): {counted} من أصل {all} مستحقة بحلول {by}',
  releasedNotYetDueMore:
    'المُفرَج عنهم من جانب {party} ({provision}): {counted}، أي أكثر من {all} مستحقة بحلول {by}',
  returnedNotYetDueMore:
    'المُعاد من جانب {party} ({categories}): {counted}، أي أكثر من {all} مستحقة بحلول {by}',
  releasedNotYetDueNone: 'المُفرَج عنهم من جانب {party} ({provision}): {counted}؛ {all} مستحقة بحلول {by}',
  returnedNotYetDueNone: 'المُعاد من جانب {party} ({categories}): {counted}؛ {all} مستحقة بحلول {by}',
  nothingYet: 'لم يُسجَّل شيء بعد',
  outside: '({n} خارج الصيغة)',
  undisclosed: '(وسجلات لم يُكشف عن عددها: {n}، غير محتسبة)',
  quota: '{quota}: الحصة حتى الآن {due}',
  range: 'من {low} إلى {high}',
  noOwnFigure: 'لا رقم خاصًّا بها لـ{n} من أصل {due} من الأيام المستحقة (رقم الفترة ليس رقم يوم)',
  nothingForDays: 'لم يُسجَّل شيء لـ{n} من أصل {due} من الأيام المستحقة',
  disagree: 'تختلف المصادر في {days}',
  perSource: 'حسب {source}: {quantity} خلال {days} أُبلغ عنها ({dates})، مقابل {quota} لتلك الأيام',
  perPeriod: 'حسب {source}: {quantity} من {from} إلى {to} (رقم واحد للفترة كلها)، مقابل {quota} لتلك الأيام',
  noSource: '— {figure}: لم يقدّم أي مصدر رقمًا',
  happened: '{time} {kind} — سُجّل من جانب {actor}',
  note: '(ملاحظة: {note})',
  earlier: 'حدث سابق',
  earlierNo: 'رقم {n}، {kind}، {at}',
  commitments: '{n} مسمَّون بالتزام مشفَّر',
  killed: 'قتلى: {n}',
  injured: 'جرحى: {n}',
  casualtiesPer: '{counts} حسب {source}',
  yes: 'نعم',
  no: 'لا',
  alleges: 'ادعاء من جانب {actor} ضد {party}',
  disputedBy: 'واعتراض من جانب {actor}: {reason}',
  disputedByBare: 'واعتراض من جانب {actor}',
  sourced: '(المصدر: {source})',
  cumulative: '{provision}: {from} ← {to}: {counted} محسوبون وفق الصيغة، {outside} خارج الصيغة',
  cumulativeNothing: '{provision}: {from} ← {to}: لم يُسجَّل شيء',
  perFigure: '{n} حسب {source}',
  differ: '(وهي مختلفة)',
  figureWhat: '{what} في {date}',
  figureWhatPeriod: '{what} من {from} إلى {to}',
  chart: 'الأشخاص المحسوبون تراكميًّا لكل دفعة',
  reached: 'بلغت الحصة في {reached} من أصل {days}',
  'state.open': 'قائم',
  'state.disputed': 'متنازع عليه',
  'state.acknowledged': 'مُقَرّ به',
  'state.withdrawn': 'مسحوب',
  'state.resolved': 'محسوم',
  'state.resolvedBy': 'محسوم من جانب {actor}: {finding}',
  breaches: 'خروقات مسجّلة (خلص إليها وسيط أو أقرّ بها الطرف المدَّعى عليه):',
  'state.acknowledgedBy': 'مُقَرّ به من جانب {actor}، الطرف المدَّعى عليه',
};

const HE: Record<FrameKey, string> = {
  title: '{title} — דוח מצב ליום {date}',
  asOf: 'נכון ל־{at} ({zone}), מתוך {events} ביומן, לפי גרסה {version} של נוסח ההסכם. הסטטוסים מחושבים מן היומן, וכל נתון נשאר מיוחס למקורו.',
  asOfEndOfDay:
    'נכון לסוף יום {day} ({zone}), מתוך {events} ביומן, לפי גרסה {version} של נוסח ההסכם. הסטטוסים מחושבים מן היומן, וכל נתון נשאר מיוחס למקורו.',
  'h.headline': 'נתונים עיקריים',
  'h.phases': 'שלבים',
  'h.happened': 'מה אירע באותו יום',
  'h.today': 'התחייבויות היום',
  'h.late': 'באיחור או פתוח',
  'h.disputes': 'מחלוקות, עם מקורותיהן',
  'h.figures': 'נתונים מכמה מקורות',
  'h.allegations': 'טענות באותו יום',
  'h.cumulative': 'נתונים מצטברים',
  'h.provisions': 'סעיפים',
  none: 'אין.',
  'th.status': 'סטטוס',
  'th.obligation': 'התחייבות',
  'th.party': 'צד',
  'th.explanation': 'הסבר',
  evidence: 'ראיות: {items}',
  'evidence.none': 'אין',
  'event.one': 'אירוע אחד ביומן',
  'event.other': '{n} אירועים ביומן',
  released: 'שוחררו בידי {party} ({provision}): {counted} מתוך {due} בתוכנית עד כה',
  returned: 'הוחזרו בידי {party} ({categories}): {counted} מתוך {due} בתוכנית עד כה',
  releasedAhead: 'שוחררו בידי {party} ({provision}): {counted}, יותר מ־{due} בתוכנית עד כה ({all} בסך הכול)',
  returnedAhead: 'הוחזרו בידי {party} ({categories}): {counted}, יותר מ־{due} בתוכנית עד כה ({all} בסך הכול)',
  releasedMore: 'שוחררו בידי {party} ({provision}): {counted}, יותר מ־{due} בתוכנית עד כה',
  returnedMore: 'הוחזרו בידי {party} ({categories}): {counted}, יותר מ־{due} בתוכנית עד כה',
  releasedNoNumber: 'שוחררו בידי {party} ({provision}): {counted}; ההסכם אינו קובע מספר',
  returnedNoNumber: 'הוחזרו בידי {party} ({categories}): {counted}; ההסכם אינו קובע מספר',
  releasedUndated:
    'שוחררו בידי {party} ({provision}): {counted} מתוך {all} שקובע ההסכם; הוא אינו קובע להם מועד',
  returnedUndated:
    'הוחזרו בידי {party} ({categories}): {counted} מתוך {all} שקובע ההסכם; הוא אינו קובע להם מועד',
  releasedUndatedMore:
    'שוחררו בידי {party} ({provision}): {counted}, יותר מ־{all} שקובע ההסכם; הוא אינו קובע להם מועד',
  returnedUndatedMore:
    'הוחזרו בידי {party} ({categories}): {counted}, יותר מ־{all} שקובע ההסכם; הוא אינו קובע להם מועד',
  releasedNoDate: 'שוחררו בידי {party} ({provision}): {counted}; ההסכם אינו קובע מועד',
  returnedNoDate: 'הוחזרו בידי {party} ({categories}): {counted}; ההסכם אינו קובע מועד',
  recovered: 'חולצו בידי {by} ללא מסירה ({provision}): {counted} ב־{day}; לא נספרו כמוחזרים',
  releasedNotYetDue: 'שוחררו בידי {party} ({provision}): {counted} מתוך {all} שמועדם עד {by}',
  returnedNotYetDue: 'הוחזרו בידי {party} ({categories}): {counted} מתוך {all} שמועדם עד {by}',
  releasedNotYetDueMore: 'שוחררו בידי {party} ({provision}): {counted}, יותר מ־{all} שמועדם עד {by}',
  returnedNotYetDueMore: 'הוחזרו בידי {party} ({categories}): {counted}, יותר מ־{all} שמועדם עד {by}',
  releasedNotYetDueNone: 'שוחררו בידי {party} ({provision}): {counted}; {all} שמועדם עד {by}',
  returnedNotYetDueNone: 'הוחזרו בידי {party} ({categories}): {counted}; {all} שמועדם עד {by}',
  nothingYet: 'עדיין לא נרשם דבר',
  outside: '({n} מחוץ לנוסחה)',
  undisclosed: '(ורשומות שמספרן לא פורסם: {n}, לא נספרו)',
  quota: '{quota}: המכסה עד כה {due}',
  range: '{low} עד {high}',
  noOwnFigure: 'אין נתון משלהם ל־{n} מתוך {due} ימים שחלפו (נתון לתקופה אינו נתון ליום)',
  nothingForDays: 'לא נרשם דבר ל־{n} מתוך {due} ימים שחלפו',
  disagree: 'המקורות חלוקים ב־{days}',
  perSource: 'לפי {source}: {quantity} ב־{days} שדווחו ({dates}), לעומת {quota} לאותם ימים',
  perPeriod: 'לפי {source}: {quantity} מ־{from} עד {to} (נתון אחד לכל התקופה), לעומת {quota} לאותם ימים',
  noSource: '— {figure}: אף מקור לא מסר נתון',
  happened: '{time} {kind} — נרשם בידי {actor}',
  note: '(הערה: {note})',
  earlier: 'אירוע קודם',
  earlierNo: 'מס׳ {n}, {kind}, {at}',
  commitments: '{n} בשמות בהתחייבות מוצפנת',
  killed: 'הרוגים: {n}',
  injured: 'פצועים: {n}',
  casualtiesPer: '{counts} לפי {source}',
  yes: 'כן',
  no: 'לא',
  alleges: 'טענת {actor} נגד {party}',
  disputedBy: 'מחלוקת מצד {actor}: {reason}',
  disputedByBare: 'מחלוקת מצד {actor}',
  sourced: '(מקור: {source})',
  cumulative: '{provision}: {from} ← {to}: {counted} נספרו לפי הנוסחה, {outside} מחוץ לנוסחה',
  cumulativeNothing: '{provision}: {from} ← {to}: לא נרשם דבר',
  perFigure: '{n} לפי {source}',
  differ: '(הם שונים)',
  figureWhat: '{what} ב־{date}',
  figureWhatPeriod: '{what} מ־{from} עד {to}',
  chart: 'אנשים שנספרו במצטבר לפי פעימה',
  reached: 'המכסה הושגה ב־{reached} מתוך {days}',
  'state.open': 'פתוחה',
  'state.disputed': 'שנויה במחלוקת',
  'state.acknowledged': 'הודו בה',
  'state.withdrawn': 'נמשכה',
  'state.resolved': 'הוכרעה',
  'state.resolvedBy': 'הוכרעה על ידי {actor}: {finding}',
  breaches: 'הפרות שנרשמו (שנמצאו על ידי מתווך או שהצד שנגדו נטענו הודה בהן):',
  'state.acknowledgedBy': 'הודאה של {actor}, הצד שנגדו נטענה',
};

export const FRAME: Record<Lang, Record<FrameKey, string>> = { en: EN, ar: AR, he: HE };

/** A frame template of `lang` with its `{name}` values filled in (values already worded for the edge). */
export function frame(lang: Lang, key: FrameKey, values: Record<string, string> = {}): string {
  return FRAME[lang][key].replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');
}

/**
 * A frame template of `lang` whose own words go through `text` (an HTML edge escapes them) and
 * whose values are put in as given (the edge wrote them already).
 */
export function frameWith(
  lang: Lang,
  key: FrameKey,
  values: Record<string, string>,
  text: (s: string) => string,
): string {
  const marker = '\uE010';
  const keys = Object.keys(values);
  const filled = frame(lang, key, Object.fromEntries(keys.map((k, i) => [k, `${marker}${i}${marker}`])));
  return filled
    .split(marker)
    .map((p, i) => (i % 2 === 1 ? values[keys[Number(p)]!]! : text(p)))
    .join('');
}
