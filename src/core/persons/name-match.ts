/**
 * Finding a person's name across scripts and spellings: "Muhammad", "Mohammed", "محمد" and "מוחמד"
 * are one name. Each name is reduced, word by word, to a skeleton of consonant classes (vowels,
 * glottal letters, diacritics and doubled letters dropped; letters that transliterations confuse
 * put in one class), and skeletons are compared with an edit distance in which the confusions of
 * transliteration (w/v, k/kh, d/dh…) and the weak letters (w, y) cost little. Pure and synchronous.
 *
 * It finds candidates for a person to check, it does not decide who is who: names written with the
 * same consonants (Muhammad and Mahmoud) match each other, as they would for a reader of unvowelled
 * Arabic or Hebrew.
 */

/** Arabic letters to consonant classes; '' drops the letter. */
const ARABIC: Record<string, string> = {
  ا: '',
  أ: '',
  إ: '',
  آ: '',
  ء: '',
  ئ: 'y',
  ؤ: 'w',
  ى: '',
  ع: '',
  ة: '',
  ب: 'b',
  ت: 't',
  ث: 't',
  ج: 'g',
  ح: 'h',
  خ: 'h',
  د: 'd',
  ذ: 'd',
  ر: 'r',
  ز: 'z',
  س: 's',
  ش: 's',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'z',
  غ: 'g',
  ف: 'f',
  ق: 'k',
  ك: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  و: 'w',
  ي: 'y',
  پ: 'f',
  چ: 'g',
  ڤ: 'b',
  گ: 'g',
};

/** Hebrew letters (final forms included) to consonant classes. */
const HEBREW: Record<string, string> = {
  א: '',
  ע: '',
  ב: 'b',
  ג: 'g',
  ד: 'd',
  ה: 'h',
  ו: 'w',
  ז: 'z',
  ח: 'h',
  ט: 't',
  י: 'y',
  כ: 'k',
  ך: 'k',
  ל: 'l',
  מ: 'm',
  ם: 'm',
  נ: 'n',
  ן: 'n',
  ס: 's',
  פ: 'f',
  ף: 'f',
  צ: 's',
  ץ: 's',
  ק: 'k',
  ר: 'r',
  ש: 's',
  ת: 't',
};

/** Latin digraphs first (longest first), then single letters. */
const LATIN_DIGRAPHS: [string, string][] = [
  ['sch', 's'],
  ['tch', 'g'],
  ['dj', 'g'],
  ['dzh', 'g'],
  ['kh', 'h'],
  ['ch', 'h'],
  ['sh', 's'],
  ['th', 't'],
  ['dh', 'd'],
  ['gh', 'g'],
  ['ph', 'f'],
  ['tz', 's'],
  ['ts', 's'],
  ['ck', 'k'],
  ['ou', ''],
  ['ee', ''],
  ['oo', ''],
];

const LATIN: Record<string, string> = {
  a: '',
  e: '',
  i: '',
  o: '',
  u: '',
  b: 'b',
  c: 'k',
  d: 'd',
  f: 'f',
  g: 'g',
  h: 'h',
  j: 'g',
  k: 'k',
  l: 'l',
  m: 'm',
  n: 'n',
  p: 'f',
  q: 'k',
  r: 'r',
  s: 's',
  t: 't',
  v: 'b',
  w: 'w',
  x: 'ks',
  y: 'y',
  z: 'z',
};

/** Pairs of classes that transliterations confuse: substituting one for the other costs little. */
const NEAR = new Set(['bf', 'bw', 'kh', 'kg', 'dz', 'dt', 'ts', 'sz', 'gy']);
const WEAK = new Set(['w', 'y']);
const NEAR_COST = 0.4;
const WEAK_COST = 0.3;

/** The default similarity at or above which two names are taken to be the same. */
export const MATCH_THRESHOLD = 0.8;

function classesOfWord(word: string): string {
  let out = '';
  let i = 0;
  while (i < word.length) {
    const ch = word[i]!;
    if (ARABIC[ch] !== undefined) {
      out += ARABIC[ch];
      i++;
      continue;
    }
    if (HEBREW[ch] !== undefined) {
      out += HEBREW[ch];
      i++;
      continue;
    }
    const digraph = LATIN_DIGRAPHS.find(([d]) => word.startsWith(d, i));
    if (digraph) {
      out += digraph[1];
      i += digraph[0].length;
      continue;
    }
    out += LATIN[ch] ?? '';
    i++;
  }
  // Doubled letters (and shadda, dagesh) count once.
  let collapsed = '';
  for (const c of out) if (collapsed.at(-1) !== c) collapsed += c;
  // A weak letter or h at the end of a word is usually a vowel (Sarah/Sara, Fatmeh/Fatma, Ali/Aly).
  while (collapsed.length > 1 && /[hwy]$/.test(collapsed)) collapsed = collapsed.slice(0, -1);
  return collapsed;
}

/**
 * The skeleton of each word of a name: Unicode NFKD with marks removed (Latin diacritics, Arabic
 * harakat and shadda, Hebrew niqqud), lower case, split on anything that is not a letter.
 */
export function nameSkeleton(name: string): string[] {
  return nameWords(name).map((w) => w.skeleton);
}

interface NameWord {
  raw: string;
  skeleton: string;
}

/** The words of a name with their skeletons; apostrophes (for ayin and hamza) join, not split. */
function nameWords(name: string): NameWord[] {
  const plain = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640'’ʿʾ`]/g, '')
    .toLowerCase();
  return plain
    .split(/[^\p{L}]+/u)
    .filter(Boolean)
    .map((raw) => ({ raw, skeleton: classesOfWord(raw) }))
    .filter((w) => w.skeleton !== '');
}

function substitution(a: string, b: string): number {
  if (a === b) return 0;
  return NEAR.has(a + b) || NEAR.has(b + a) ? NEAR_COST : 1;
}

function indel(c: string): number {
  return WEAK.has(c) ? WEAK_COST : 1;
}

/** Weighted edit distance between two skeletons. */
export function skeletonDistance(a: string, b: string): number {
  let prev = new Array<number>(b.length + 1);
  prev[0] = 0;
  for (let j = 1; j <= b.length; j++) prev[j] = prev[j - 1]! + indel(b[j - 1]!);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1);
    cur[0] = prev[0]! + indel(a[i - 1]!);
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(
        prev[j]! + indel(a[i - 1]!),
        cur[j - 1]! + indel(b[j - 1]!),
        prev[j - 1]! + substitution(a[i - 1]!, b[j - 1]!),
      );
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** Similarity of two skeletons, 0 to 1. */
export function skeletonSimilarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return a === b ? 1 : 0;
  return Math.max(0, 1 - skeletonDistance(a, b) / longest);
}

function wordScore(query: NameWord, word: string): number {
  const q = query.skeleton;
  const whole = skeletonSimilarity(q, word);
  // Typing the start of a name finds it: "Muh" finds Muhammad (3 letters typed or more).
  if (query.raw.length >= 3 && word.length > q.length) {
    return Math.max(whole, 0.95 * skeletonSimilarity(q, word.slice(0, q.length)));
  }
  return whole;
}

/**
 * How well `query` names `name` (0 to 1): every word of the query must match some word of the
 * name, in any order; the name run together ("Abdulrahman" for "Abd al-Rahman") is tried too.
 */
export function nameSimilarity(query: string, name: string): number {
  return similarity(nameWords(query), name);
}

/** nameSimilarity for a query already split into words. */
function similarity(q: NameWord[], name: string): number {
  const n = nameSkeleton(name);
  if (q.length === 0 || n.length === 0) return 0;
  let total = 0;
  for (const qw of q) total += Math.max(...n.map((nw) => wordScore(qw, nw)));
  const byWord = total / q.length;
  const joined = skeletonSimilarity(q.map((w) => w.skeleton).join(''), n.join(''));
  return Math.max(byWord, joined);
}

export interface NameHit<T> {
  item: T;
  score: number;
  /** The name (of those the item has) that matched best. */
  matched: string;
}

/** The items whose names match `query`, best first; each item may have names in several scripts and variants. */
export function searchByName<T>(
  query: string,
  items: readonly T[],
  namesOf: (item: T) => readonly string[],
  threshold = MATCH_THRESHOLD,
): NameHit<T>[] {
  // The query is split into words once, not once for each name it is compared with.
  const q = nameWords(query);
  if (q.length === 0) return [];
  const hits: NameHit<T>[] = [];
  for (const item of items) {
    let best: { score: number; matched: string } | null = null;
    for (const name of namesOf(item)) {
      const score = similarity(q, name);
      if (!best || score > best.score) best = { score, matched: name };
    }
    if (best && best.score >= threshold) hits.push({ item, ...best });
  }
  return hits.sort((a, b) => b.score - a.score);
}
