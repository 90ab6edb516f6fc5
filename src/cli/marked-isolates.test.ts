import { describe, expect, it } from 'vitest';
import { MARK_CLOSE as C, MARK_OPEN as O } from '../core/words/render.ts';
import { markedIsolates } from './marked-isolates.ts';
import { terminalText } from './terminal-text.ts';

describe('names a formatter marked, in a terminal', () => {
  it('each sits in an isolate of its own (U+2068 … U+2069)', () => {
    expect(markedIsolates(`ادعاء (المصدر: ${O}Gaza authorities${C}): ${O}Line markers moved.${C}`)).toBe(
      'ادعاء (المصدر: \u2068Gaza authorities\u2069): \u2068Line markers moved.\u2069',
    );
    expect(markedIsolates('no marks')).toBe('no marks');
  });

  it('never opens an isolate it does not close on the same line, and drops a close without an open', () => {
    expect(markedIsolates(`${O}a\nb${C}${C} c`)).toBe('\u2068a\u2069\nb c');
    expect(markedIsolates(`${O}${O}x${C}`)).toBe('\u2068\u2068x\u2069\u2069');
  });

  it("leaves a record's own bidi controls as the terminal sanitizer shows them", () => {
    expect(markedIsolates(terminalText(`${O}\u2068evil\u202e${C}`))).toBe('\u2068<U+2068>evil<U+202E>\u2069');
  });
});
