import { describe, expect, it } from 'vitest';
import { splitPlaceholders } from './rich.tsx';

describe('splitPlaceholders', () => {
  it('cuts a template at its placeholders, in the order the language puts them', () => {
    expect(splitPlaceholders('Source: {source}')).toEqual([
      { text: 'Source: ', name: 'source' },
      { text: '' },
    ]);
    expect(splitPlaceholders('{what} — بحسب {source}')).toEqual([
      { text: '', name: 'what' },
      { text: ' — بحسب ', name: 'source' },
      { text: '' },
    ]);
    expect(splitPlaceholders('no placeholder')).toEqual([{ text: 'no placeholder' }]);
  });
});
