/**
 * A record's count split by the categories it names (`categories: { "saudi-nationals": 16, … }`, or
 * one `category`), each kept as recorded; what the record counts beyond them stays under `whole`
 * (the side's categories together, not split). When the named figures add up to more than the
 * count (an intermediary confirmed fewer, remains found not to be of a person covered), the record
 * cannot be split honestly: its count stays whole. The parts always add up to `count`.
 */
export function recordedCategories(
  body: Readonly<Record<string, unknown>>,
  count: number,
  whole: string,
): [string, number][] {
  if (count <= 0) return [];
  const named: [string, number][] =
    body.categories && typeof body.categories === 'object' && !Array.isArray(body.categories)
      ? Object.entries(body.categories as Record<string, unknown>).flatMap(([c, n]): [string, number][] =>
          typeof n === 'number' && n > 0 ? [[c, n]] : [],
        )
      : typeof body.category === 'string'
        ? [[body.category, count]]
        : [];
  const sum = named.reduce((a, [, n]) => a + n, 0);
  if (named.length === 0 || sum > count) return [[whole, count]];
  return sum < count ? [...named, [whole, count - sum]] : named;
}
