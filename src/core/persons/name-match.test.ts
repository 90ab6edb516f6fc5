import { describe, expect, it } from 'vitest';
import {
  MATCH_THRESHOLD,
  nameSimilarity,
  nameSkeleton,
  searchByName,
  skeletonDistance,
} from './name-match.ts';

const same = (a: string, b: string) =>
  expect(nameSimilarity(a, b), `${a} ~ ${b}`).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
const differ = (a: string, b: string) =>
  expect(nameSimilarity(a, b), `${a} ≁ ${b}`).toBeLessThan(MATCH_THRESHOLD);

describe('name skeletons', () => {
  it('reduce every script to the same consonant classes', () => {
    expect(nameSkeleton('Muhammad')).toEqual(['mhmd']);
    expect(nameSkeleton('Mohammed')).toEqual(['mhmd']);
    expect(nameSkeleton('مُحَمَّد')).toEqual(['mhmd']);
    expect(nameSkeleton('Yosef Cohen')).toEqual(['ysf', 'khn']);
    expect(nameSkeleton('יוסף כהן')).toEqual(['ywsf', 'khn']);
  });

  it('drop diacritics, niqqud and punctuation', () => {
    expect(nameSkeleton('Ḥasan')).toEqual(nameSkeleton('Hasan'));
    expect(nameSkeleton('שָׂרָה')).toEqual(nameSkeleton('שרה'));
    expect(nameSkeleton("al-Sa'id")).toEqual(['l', 'sd']);
    expect(nameSkeleton('Saʿid')).toEqual(['sd']);
    expect(nameSkeleton('  — ')).toEqual([]);
  });

  it('weak letters cost less than other letters', () => {
    expect(skeletonDistance('ysf', 'ywsf')).toBeCloseTo(0.3);
    expect(skeletonDistance('dbd', 'dwd')).toBeCloseTo(0.4);
    expect(skeletonDistance('abc', 'abc')).toBe(0);
  });
});

describe('matching across scripts and spellings', () => {
  it('finds Arabic names in Latin, Arabic and Hebrew script', () => {
    for (const v of ['Mohammed', 'Mohamad', 'Muhammed', 'محمد', 'מוחמד']) same('Muhammad', v);
    for (const v of ['Abdulrahman', 'Abd el-Rahman', 'عبد الرحمن', 'עבד אל-רחמן']) same('Abd al-Rahman', v);
    for (const v of ['Fatma', 'Fatmeh', 'فاطمة', 'פאטמה']) same('Fatima', v);
  });

  it('finds Hebrew names in Latin, Hebrew and Arabic script', () => {
    for (const v of ['Yossi Cohen', 'Yosef Kohen', 'יוסף כהן', 'يوسف كوهين']) same('Yosef Cohen', v);
    for (const v of ['Haim', 'Chayim', 'חיים']) same('Chaim', v);
    for (const v of ['Sara', 'שרה', 'سارة']) same('Sarah', v);
    same('David', 'דוד');
  });

  it('does not confuse different names', () => {
    differ('Muhammad', 'Ahmad');
    differ('Muhammad', 'Abbas');
    differ('Sarah', 'Miriam');
    differ('David', 'Daniel');
    differ('Yosef Cohen', 'Avraham Levi');
    differ('', 'Sarah');
  });

  it('a query of one word finds a name of several; the start of a name finds it', () => {
    same('Cohen', 'Yosef Cohen');
    same('Muh', 'Muhammad Ali');
    same('כהן', 'Yosef Cohen');
  });
});

describe('searchByName', () => {
  const people = [
    { id: 1, names: ['Muhammad Ali', 'محمد علي', 'מוחמד עלי'] },
    { id: 2, names: ['Yosef Cohen', 'יוסף כהן'] },
    { id: 3, names: ['Sarah Levi', 'שרה לוי', 'سارة ليفي'] },
  ];
  it('returns the persons whose names match in any script, best first', () => {
    expect(searchByName('mohammed', people, (p) => p.names).map((h) => h.item.id)).toEqual([1]);
    expect(searchByName('يوسف', people, (p) => p.names).map((h) => h.item.id)).toEqual([2]);
    expect(searchByName('Levy', people, (p) => p.names).map((h) => h.item.id)).toEqual([3]);
    const hit = searchByName('Sara Levi', people, (p) => p.names)[0]!;
    expect(hit.score).toBe(1);
    expect(hit.matched).toBe('Sarah Levi');
  });

  it('finds nothing for an empty or unknown query', () => {
    expect(searchByName('', people, (p) => p.names)).toEqual([]);
    expect(searchByName('Zzyzx', people, (p) => p.names)).toEqual([]);
  });
});
