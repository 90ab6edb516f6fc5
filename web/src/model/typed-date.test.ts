import { describe, expect, it } from 'vitest';
import { typedDate } from './typed-date.ts';

describe('a date as a reader types it', () => {
  it('is read year first, with any of the usual separators, in Latin or Arabic-Indic digits', () => {
    expect(typedDate('2023-11-25')).toBe('2023-11-25');
    expect(typedDate(' 2023/11/5 ')).toBe('2023-11-05');
    expect(typedDate('2023.1.9')).toBe('2023-01-09');
    expect(typedDate('2023 11 25')).toBe('2023-11-25');
    expect(typedDate('٢٠٢٣-١١-٢٥')).toBe('2023-11-25');
    expect(typedDate('۲۰۲۳/۱۱/۲۵')).toBe('2023-11-25');
    // Pasted from a right-to-left page, with its marks and isolates.
    expect(typedDate('\u20682023-11-25\u2069\u200f')).toBe('2023-11-25');
  });

  it('is refused when it is no calendar date, or in an order another language reads differently', () => {
    expect(typedDate('2023-13-01')).toBeNull();
    expect(typedDate('2023-11-31')).toBeNull();
    expect(typedDate('2023-02-29')).toBeNull();
    expect(typedDate('2024-02-29')).toBe('2024-02-29');
    // 11/25/2023 (American) and 25/11/2023 (Arabic, Hebrew, British): never guessed.
    expect(typedDate('11/25/2023')).toBeNull();
    expect(typedDate('25/11/2023')).toBeNull();
    expect(typedDate('')).toBeNull();
    expect(typedDate('day 3')).toBeNull();
  });
});
