import { describe, expect, it } from 'vitest';
import { nowToTheSecond } from './log-evaluation.ts';

describe('nowToTheSecond', () => {
  it('drops the fraction of the second, keeping UTC', () => {
    expect(nowToTheSecond(Date.parse('2023-11-24T07:00:00.999Z'))).toBe('2023-11-24T07:00:00Z');
    expect(nowToTheSecond(Date.parse('2023-11-24T07:00:01.000Z'))).toBe('2023-11-24T07:00:01Z');
  });
});
