import { z } from 'zod';

/** A whole number in a query string. */
export const wholeNumber = (what: string) =>
  z
    .string()
    .regex(/^(0|[1-9]\d{0,14})$/, `expected a whole number (${what})`)
    .transform(Number);

/**
 * The `from` and `limit` of a paged list: `from` is the position of the first item (default 0),
 * `limit` the items per page, 1 to `max` (default `fallback`). Each page answers `next`, the
 * `from` of the next page, or null at the end.
 */
export function pageQuery(items: string, max: number, fallback: number) {
  return {
    from: wholeNumber(`position of the first of the ${items}`)
      .optional()
      .describe(`Position of the first of the ${items} (default 0).`),
    limit: wholeNumber(`${items} per page`)
      .refine((n) => n >= 1 && n <= max, `expected 1 to ${max}`)
      .optional()
      .describe(`How many ${items} per page, 1 to ${max} (default ${fallback}).`),
  };
}

/** One page of `all`, with the `from` of the next page or null. */
export function page<T>(all: T[], from = 0, limit: number): { items: T[]; next: number | null } {
  const end = Math.min(all.length, from + limit);
  return { items: from < end ? all.slice(from, end) : [], next: end < all.length ? end : null };
}
