import type { ActorRole } from '../../../src/core/ledger/check-event.ts';
import type { Lang } from '../i18n/locale.ts';
import type { ProofErrorCode, ProofStep } from './proof-result.ts';

/** The proof panel's words in each language (kept here so the panel can be read as one piece). */
export interface ProofMessages {
  title: string;
  intro: string;
  pending: string;
  verified: string;
  failed: string;
  /** What "Verified" proves and what it does not, in plain words. */
  meaningTitle: string;
  proves: string;
  /** The same when the pinned policy asks for no witness cosignature. */
  provesUnwitnessed: string;
  doesNotProve: string;
  watching: string;
  again: string;
  detail: string;
  index: string;
  checkpointSize: string;
  root: string;
  operator: string;
  witnesses: string;
  noWitnesses: string;
  quorum: string;
  cosignedAt: string;
  actor: string;
  pinned: string;
  fingerprint: string;
  pinTitle: string;
  pinIntro: string;
  pinOrigin: string;
  pinLogKey: string;
  pinWitnesses: string;
  pinQuorum: string;
  pinSave: string;
  pinnedByYou: string;
  forget: string;
  pinInvalid: string;
  /** The roles an actor is registered with (check-event.ts ActorRole). */
  roles: Record<ActorRole, string>;
  steps: Record<ProofStep, string>;
  reasons: Record<ProofErrorCode, string>;
}

const en: ProofMessages = {
  title: 'Proof',
  intro:
    'Checked in this browser against pinned keys — those this build of the dashboard pins, or those you pin yourself — never against keys the server names; nothing it says is taken on trust.',
  pending: 'Verifying…',
  verified:
    'Verified: entry {index} of the log, under a checkpoint of size {size} signed by the operator; witness cosignatures: {k} (required: {quorum}).',
  failed: 'Not verified: {reason}.',
  meaningTitle: 'What “Verified” means',
  proves:
    'It proves that this entry, exactly as shown, is in the log; that it was signed with the key its author had registered in the log; and that it is under a checkpoint the operator signed and the witnesses cosigned.',
  provesUnwitnessed:
    'It proves that this entry, exactly as shown, is in the log; that it was signed with the key its author had registered in the log; and that it is under a checkpoint the operator signed. No witness cosignature is required for this log, so nobody outside the operator vouches for that checkpoint.',
  doesNotProve:
    'It does not prove that what the entry says is true: only who recorded it, and that it has not been changed since.',
  watching: 'This check runs again when the log announces a new checkpoint.',
  again: 'Check again',
  detail: 'Technical detail',
  index: 'Entry',
  checkpointSize: 'Checkpoint size',
  root: 'Root hash',
  operator: 'Operator key',
  witnesses: 'Witnesses',
  noWitnesses: 'No witness is pinned for this log.',
  quorum: 'Cosignatures required: {quorum}',
  cosignedAt: 'cosigned {time} UTC',
  actor: 'Signed by',
  pinned: 'Keys pinned in this build',
  fingerprint: 'Fingerprint',
  pinTitle: "Pin this log's keys yourself",
  pinIntro:
    'This build pins no key for this log. If you hold its operator key (and witness keys) from a source you trust — not from this server — pin them here; they are kept in this browser only.',
  pinOrigin: 'Origin',
  pinLogKey: 'Operator verifier key',
  pinWitnesses: 'Witness keys, one per line',
  pinQuorum: 'Cosignatures required',
  pinSave: 'Pin in this browser',
  pinnedByYou: 'Keys you pinned in this browser',
  forget: 'Forget these keys',
  pinInvalid: 'Not pinned: {detail}',
  roles: {
    operator: 'Operator',
    mediator: 'Mediator',
    party: 'Party',
    intermediary: 'Intermediary',
    monitor: 'Monitor',
    witness: 'Witness',
  },
  steps: {
    event: 'The server gives the event and its receipt',
    leaf: "The event's bytes hash to its leaf",
    'checkpoint-signature': 'The checkpoint is signed by the pinned operator key',
    inclusion: "The inclusion proof leads to the checkpoint's root",
    cosignatures: 'Enough pinned witnesses cosigned the checkpoint',
    'actor-signature': 'The event is signed by the key its actor registered in the log',
  },
  reasons: {
    'untrusted-log': 'this build pins no key for this log',
    'fetch-failed': 'the server could not be read',
    'event-not-found': 'the log holds no such event',
    'not-checkpointed': 'no signed checkpoint covers this event yet',
    'leaf-mismatch': 'the event served does not match its leaf hash: it was altered',
    'proof-malformed': 'the receipt is malformed',
    'inclusion-invalid': 'the inclusion proof does not lead to the signed root',
    'untrusted-log-key': 'the checkpoint is not signed by the pinned operator key',
    'checkpoint-bad-signature': "the operator's signature on the checkpoint is not valid",
    'checkpoint-malformed': 'the checkpoint is malformed',
    'checkpoint-wrong-origin': 'the checkpoint is for another log',
    'cosignature-invalid': 'a witness cosignature is not valid',
    'cosignature-missing': 'fewer witnesses cosigned the checkpoint than required',
    'entries-mismatch': "the log's entries served do not match the signed checkpoint",
    'registry-invalid': 'an actor registration in the log does not hold',
    'actor-unknown': "the event's actor is not registered in the log, or was revoked",
    'actor-bad-signature': 'the event is not signed by the key its actor registered',
    'actor-not-permitted': "the actor's role may not record this kind of event",
    'event-invalid': 'the event is not a valid event of this log',
  },
};

const ar: ProofMessages = {
  title: 'الدليل',
  intro:
    'يُتحقَّق منه في هذا المتصفح بمفاتيح مثبَّتة — تلك التي يثبّتها هذا الإصدار من لوحة المتابعة أو التي تثبّتها أنت — لا بمفاتيح يسمّيها الخادم؛ لا يُؤخذ أي شيء يقوله على سبيل الثقة.',
  pending: 'جارٍ التحقق…',
  verified:
    'تم التحقق: القيد {index} في السجل، تحت نقطة تحقق بحجم {size} موقَّعة من المشغِّل؛ التوقيعات المشتركة للشهود: {k} (المطلوب: {quorum}).',
  failed: 'لم يتم التحقق: {reason}.',
  meaningTitle: 'ماذا تعني عبارة «تم التحقق»',
  proves:
    'تثبت أن هذا القيد، كما هو معروض تمامًا، موجود في السجل؛ وأنه موقَّع بالمفتاح الذي سجّلته الجهة صاحبته في السجل؛ وأنه مشمول بنقطة تحقق وقّعها المشغِّل ووقّعها الشهود توقيعًا مشتركًا.',
  provesUnwitnessed:
    'تثبت أن هذا القيد، كما هو معروض تمامًا، موجود في السجل؛ وأنه موقَّع بالمفتاح الذي سجّلته الجهة صاحبته في السجل؛ وأنه مشمول بنقطة تحقق وقّعها المشغِّل. لا يُشترط لهذا السجل توقيع أي شاهد، فلا يشهد على نقطة التحقق هذه أحد غير المشغِّل.',
  doesNotProve: 'ولا تثبت أن ما يقوله القيد صحيح: تثبت فقط مَن سجّله، وأنه لم يُغيَّر منذ ذلك الحين.',
  watching: 'يُعاد هذا التحقق عندما يعلن السجل عن نقطة تحقق جديدة.',
  again: 'تحقق مرة أخرى',
  detail: 'تفاصيل تقنية',
  index: 'القيد',
  checkpointSize: 'حجم نقطة التحقق',
  root: 'تجزئة الجذر',
  operator: 'مفتاح المشغِّل',
  witnesses: 'الشهود',
  noWitnesses: 'لا يوجد شاهد مثبَّت لهذا السجل.',
  quorum: 'التوقيعات المشتركة المطلوبة: {quorum}',
  cosignedAt: 'وقّع في {time} بالتوقيت العالمي المنسّق',
  actor: 'موقَّع من',
  pinned: 'المفاتيح المثبَّتة في هذا الإصدار',
  fingerprint: 'البصمة',
  pinTitle: 'ثبّت مفاتيح هذا السجل بنفسك',
  pinIntro:
    'هذا الإصدار لا يثبّت أي مفتاح لهذا السجل. إن كان لديك مفتاح المشغِّل (ومفاتيح الشهود) من مصدر تثق به — لا من هذا الخادم — فثبّتها هنا؛ تُحفظ في هذا المتصفح فقط.',
  pinOrigin: 'المصدر (origin)',
  pinLogKey: 'مفتاح التحقق الخاص بالمشغِّل',
  pinWitnesses: 'مفاتيح الشهود، مفتاح في كل سطر',
  pinQuorum: 'عدد التوقيعات المشتركة المطلوبة',
  pinSave: 'ثبّت في هذا المتصفح',
  pinnedByYou: 'مفاتيح ثبّتَّها في هذا المتصفح',
  forget: 'انسَ هذه المفاتيح',
  pinInvalid: 'لم يُثبَّت: {detail}',
  roles: {
    operator: 'المشغِّل',
    mediator: 'وسيط',
    party: 'طرف',
    intermediary: 'جهة وسيطة محايدة',
    monitor: 'مراقب',
    witness: 'شاهد',
  },
  steps: {
    event: 'الخادم يقدّم الحدث وإيصاله',
    leaf: 'بايتات الحدث تعطي تجزئة ورقته',
    'checkpoint-signature': 'نقطة التحقق موقَّعة بمفتاح المشغِّل المثبَّت',
    inclusion: 'إثبات التضمين يؤدي إلى جذر نقطة التحقق',
    cosignatures: 'عدد كافٍ من الشهود المثبَّتين وقّعوا نقطة التحقق',
    'actor-signature': 'الحدث موقَّع بالمفتاح الذي سجّله صاحبه في السجل',
  },
  reasons: {
    'untrusted-log': 'هذا الإصدار لا يثبّت أي مفتاح لهذا السجل',
    'fetch-failed': 'تعذّرت القراءة من الخادم',
    'event-not-found': 'لا يحتوي السجل على هذا الحدث',
    'not-checkpointed': 'لا توجد بعد نقطة تحقق موقَّعة تشمل هذا الحدث',
    'leaf-mismatch': 'الحدث المقدَّم لا يطابق تجزئة ورقته: لقد عُدِّل',
    'proof-malformed': 'الإيصال غير سليم البنية',
    'inclusion-invalid': 'إثبات التضمين لا يؤدي إلى الجذر الموقَّع',
    'untrusted-log-key': 'نقطة التحقق غير موقَّعة بمفتاح المشغِّل المثبَّت',
    'checkpoint-bad-signature': 'توقيع المشغِّل على نقطة التحقق غير صالح',
    'checkpoint-malformed': 'نقطة التحقق غير سليمة البنية',
    'checkpoint-wrong-origin': 'نقطة التحقق تخص سجلًا آخر',
    'cosignature-invalid': 'أحد التوقيعات المشتركة للشهود غير صالح',
    'cosignature-missing': 'عدد الشهود الذين وقّعوا نقطة التحقق أقل من المطلوب',
    'entries-mismatch': 'قيود السجل المقدَّمة لا تطابق نقطة التحقق الموقَّعة',
    'registry-invalid': 'أحد تسجيلات الجهات في السجل غير صحيح',
    'actor-unknown': 'الجهة صاحبة الحدث غير مسجَّلة في السجل أو أُلغي تسجيلها',
    'actor-bad-signature': 'الحدث غير موقَّع بالمفتاح الذي سجّلته الجهة صاحبته',
    'actor-not-permitted': 'دور الجهة لا يسمح بتسجيل هذا النوع من الأحداث',
    'event-invalid': 'الحدث ليس حدثًا صالحًا لهذا السجل',
  },
};

const he: ProofMessages = {
  title: 'הוכחה',
  intro:
    'נבדק בדפדפן זה מול מפתחות מוצמדים — אלה שגרסה זו של לוח המעקב מצמידה, או אלה שהצמדת בעצמך — ולעולם לא מול מפתחות שהשרת מציין; שום דבר שהוא אומר אינו מתקבל על סמך אמון.',
  pending: 'מאמת…',
  verified:
    'אומת: רשומה {index} ביומן, תחת נקודת ביקורת בגודל {size} החתומה בידי המפעיל; חתימות עדים: {k} (נדרשות: {quorum}).',
  failed: 'לא אומת: {reason}.',
  meaningTitle: 'מה פירוש "אומת"',
  proves:
    'הדבר מוכיח שהרשומה הזאת, בדיוק כפי שהיא מוצגת, נמצאת ביומן; שהיא נחתמה במפתח שהגורם שרשם אותה רשם ביומן; ושהיא מכוסה בנקודת ביקורת שהמפעיל חתם עליה והעדים חתמו עליה בחתימה משותפת.',
  provesUnwitnessed:
    'הדבר מוכיח שהרשומה הזאת, בדיוק כפי שהיא מוצגת, נמצאת ביומן; שהיא נחתמה במפתח שהגורם שרשם אותה רשם ביומן; ושהיא מכוסה בנקודת ביקורת שהמפעיל חתם עליה. ליומן זה לא נדרשת חתימת עד, ולכן איש מלבד המפעיל אינו ערב לנקודת ביקורת זו.',
  doesNotProve: 'הדבר אינו מוכיח שמה שנאמר ברשומה נכון: רק מי רשם אותה, ושהיא לא שונתה מאז.',
  watching: 'בדיקה זו תרוץ שוב כאשר היומן יודיע על נקודת ביקורת חדשה.',
  again: 'בדיקה חוזרת',
  detail: 'פרט טכני',
  index: 'רשומה',
  checkpointSize: 'גודל נקודת הביקורת',
  root: 'גיבוב השורש',
  operator: 'מפתח המפעיל',
  witnesses: 'עדים',
  noWitnesses: 'לא הוצמד עד ליומן זה.',
  quorum: 'חתימות עדים נדרשות: {quorum}',
  cosignedAt: 'חתם ב־{time} (זמן אוניברסלי מתואם)',
  actor: 'חתום בידי',
  pinned: 'מפתחות מוצמדים בגרסה זו',
  fingerprint: 'טביעת אצבע',
  pinTitle: 'הצמדת המפתחות של יומן זה בעצמך',
  pinIntro:
    'גרסה זו אינה מצמידה מפתח ליומן זה. אם יש בידך את מפתח המפעיל (ואת מפתחות העדים) ממקור שאתה סומך עליו — לא משרת זה — אפשר להצמיד אותם כאן; הם נשמרים בדפדפן זה בלבד.',
  pinOrigin: 'מקור (origin)',
  pinLogKey: 'מפתח האימות של המפעיל',
  pinWitnesses: 'מפתחות עדים, אחד בכל שורה',
  pinQuorum: 'מספר חתימות העדים הנדרש',
  pinSave: 'הצמדה בדפדפן זה',
  pinnedByYou: 'מפתחות שהצמדת בדפדפן זה',
  forget: 'שכחת מפתחות אלה',
  pinInvalid: 'לא הוצמד: {detail}',
  roles: {
    operator: 'מפעיל',
    mediator: 'מתווך',
    party: 'צד',
    intermediary: 'גורם ביניים ניטרלי',
    monitor: 'משקיף',
    witness: 'עד',
  },
  steps: {
    event: 'השרת מוסר את האירוע ואת הקבלה שלו',
    leaf: 'הבתים של האירוע נותנים את גיבוב העלה שלו',
    'checkpoint-signature': 'נקודת הביקורת חתומה במפתח המפעיל המוצמד',
    inclusion: 'הוכחת ההכללה מובילה לשורש של נקודת הביקורת',
    cosignatures: 'די עדים מוצמדים חתמו על נקודת הביקורת',
    'actor-signature': 'האירוע חתום במפתח שהגורם רשם ביומן',
  },
  reasons: {
    'untrusted-log': 'גרסה זו אינה מצמידה מפתח ליומן זה',
    'fetch-failed': 'לא ניתן היה לקרוא מהשרת',
    'event-not-found': 'היומן אינו מכיל אירוע כזה',
    'not-checkpointed': 'עדיין אין נקודת ביקורת חתומה המכסה אירוע זה',
    'leaf-mismatch': 'האירוע שהוגש אינו תואם את גיבוב העלה שלו: הוא שונה',
    'proof-malformed': 'הקבלה פגומה',
    'inclusion-invalid': 'הוכחת ההכללה אינה מובילה לשורש החתום',
    'untrusted-log-key': 'נקודת הביקורת אינה חתומה במפתח המפעיל המוצמד',
    'checkpoint-bad-signature': 'חתימת המפעיל על נקודת הביקורת אינה תקפה',
    'checkpoint-malformed': 'נקודת הביקורת פגומה',
    'checkpoint-wrong-origin': 'נקודת הביקורת שייכת ליומן אחר',
    'cosignature-invalid': 'חתימה של אחד העדים אינה תקפה',
    'cosignature-missing': 'פחות עדים מהנדרש חתמו על נקודת הביקורת',
    'entries-mismatch': 'רשומות היומן שהוגשו אינן תואמות את נקודת הביקורת החתומה',
    'registry-invalid': 'אחד מרישומי הגורמים ביומן אינו תקף',
    'actor-unknown': 'הגורם של האירוע אינו רשום ביומן, או שרישומו בוטל',
    'actor-bad-signature': 'האירוע אינו חתום במפתח שהגורם רשם',
    'actor-not-permitted': 'תפקיד הגורם אינו מתיר לרשום אירוע מסוג זה',
    'event-invalid': 'האירוע אינו אירוע תקף של יומן זה',
  },
};

export const PROOF_MESSAGES: Record<Lang, ProofMessages> = { en, ar, he };
