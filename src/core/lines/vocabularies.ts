import type { Lang } from './lang.ts';
import type { Vocabulary } from './line.ts';

type Words = Record<Lang, Record<string, string>>;

/** Activities a cessation limits (the agreement's `activity`); others are shown as given. */
const ACTIVITY: Words = {
  en: { flights: 'flights', drones: 'drones', 'drone-flights': 'drone flights' },
  ar: { flights: 'الطيران', drones: 'الطائرات المسيّرة', 'drone-flights': 'تحليق الطائرات المسيّرة' },
  he: { flights: 'טיסות', drones: 'רחפנים', 'drone-flights': 'טיסות רחפנים' },
};

/** What a milestone is about. */
const MILESTONE: Words = {
  en: {
    governance: 'Governance',
    'international-force': 'International force',
    disarmament: 'Disarmament',
    reconstruction: 'Reconstruction',
    withdrawal: 'Withdrawal',
    negotiation: 'Negotiation',
    other: 'Milestone',
  },
  ar: {
    governance: 'الحكم',
    'international-force': 'القوة الدولية',
    disarmament: 'نزع السلاح',
    reconstruction: 'إعادة الإعمار',
    withdrawal: 'الانسحاب',
    negotiation: 'التفاوض',
    other: 'محطة',
  },
  he: {
    governance: 'ממשל',
    'international-force': 'כוח בינלאומי',
    disarmament: 'פירוק מנשק',
    reconstruction: 'שיקום',
    withdrawal: 'נסיגה',
    negotiation: 'משא ומתן',
    other: 'אבן דרך',
  },
};

/** Units named without a number ("an unstated number of persons"). */
const UNIT: Words = {
  en: {
    person: 'persons',
    remains: 'remains',
    truck: 'trucks',
    litre: 'litres',
    patient: 'patients',
    tent: 'tents',
    home: 'homes',
    day: 'days',
    hour: 'hours',
  },
  ar: {
    person: 'الأشخاص',
    remains: 'الرفات',
    truck: 'الشاحنات',
    litre: 'اللترات',
    patient: 'المرضى',
    tent: 'الخيام',
    home: 'المنازل',
    day: 'الأيام',
    hour: 'الساعات',
  },
  he: {
    person: 'אנשים',
    remains: 'גופות',
    truck: 'משאיות',
    litre: 'ליטרים',
    patient: 'חולים',
    tent: 'אוהלים',
    home: 'בתים',
    day: 'ימים',
    hour: 'שעות',
  },
};

const EMPTY: Words = { en: {}, ar: {}, he: {} };

/** The fixed vocabularies lines name words from, by language. */
export const VOCABULARIES: Record<Vocabulary, Words> = {
  activity: ACTIVITY,
  milestone: MILESTONE,
  unit: UNIT,
  kind: EMPTY,
  field: EMPTY,
  item: EMPTY,
  meaning: EMPTY,
};
