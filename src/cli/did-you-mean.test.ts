import { describe, expect, it } from 'vitest';
import { COMMAND_SYNONYMS, didYouMean, didYouMeanCommand, editDistance } from './did-you-mean.ts';

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

  const commands = ['validate', 'plan', 'diff', 'log init', 'log show', 'record', 'verify', 'serve'];

  it('suggests the command a word people use for it names: check → validate', () => {
    expect(didYouMeanCommand('check', commands)).toBe('validate');
    expect(didYouMeanCommand('Check', commands)).toBe('validate');
    expect(didYouMeanCommand('compare', commands)).toBe('diff');
    expect(didYouMeanCommand('init', commands)).toBe('log init');
    // A mistyped name still finds its command; an unrelated word finds none.
    expect(didYouMeanCommand('verfy', commands)).toBe('verify');
    expect(didYouMeanCommand('frobnicate', commands)).toBeUndefined();
    // A name on an object's prototype is not a synonym.
    expect(didYouMeanCommand('constructor', commands)).toBeUndefined();
  });

  it('every synonym leads to a command that exists', async () => {
    const { commandTable } = await import('./command-table.ts');
    const names = commandTable.map((c) => c.name);
    for (const [word, command] of Object.entries(COMMAND_SYNONYMS)) {
      expect(names, word).toContain(command);
      expect(names, word).not.toContain(word);
    }
  });
});
