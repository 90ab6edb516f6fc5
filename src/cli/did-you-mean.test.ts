import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance } from './did-you-mean.ts';

describe('did you mean', () => {
  it('counts a swap of two neighbouring letters as one edit', () => {
    expect(editDistance('jsno', 'json')).toBe(1);
    expect(editDistance('port', 'porrt')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  const serve = [
    'database',
    'port',
    'host',
    'agreements',
    'keys',
    'checkpoint-every',
    'demo',
    'json',
    'help',
  ];

  it('suggests the nearest option, or the only one a prefix begins', () => {
    expect(didYouMean('jsno', serve)).toBe('json');
    expect(didYouMean('porrt', serve)).toBe('port');
    expect(didYouMean('data', serve)).toBe('database');
    expect(didYouMean('Demo', serve)).toBe('demo');
    expect(didYouMean('checkpoint-evry', serve)).toBe('checkpoint-every');
  });

  it('suggests nothing when nothing is close', () => {
    expect(didYouMean('zzz', serve)).toBeUndefined();
    expect(didYouMean('verbose', serve)).toBeUndefined();
    // "h" begins "host" and "help": not one candidate, and too short to guess from.
    expect(didYouMean('h', serve)).toBeUndefined();
  });
});
