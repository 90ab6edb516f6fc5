import { describe, expect, it } from 'vitest';
import { counted } from './count-words.ts';

describe('a count with its noun', () => {
  it('is singular for 1 and plural otherwise, 0 included', () => {
    expect(counted(1, 'checkpoint')).toBe('1 checkpoint');
    expect(counted(0, 'checkpoint')).toBe('0 checkpoints');
    expect(counted(2, 'cosignature')).toBe('2 cosignatures');
    expect(counted(1, 'new event')).toBe('1 new event');
    expect(counted(3, 'witness key', 'witness keys')).toBe('3 witness keys');
  });
});
