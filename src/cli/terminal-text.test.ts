import { describe, expect, it } from 'vitest';
import { CLEAR_LINE, terminalErrorText, terminalText } from './terminal-text.ts';

describe('terminal text', () => {
  it('shows controls and bidi overrides as <U+XXXX>, and every script, line feed, tab and bidi mark as written', () => {
    const text = 'Ahmad \u202Etxt.exe\u202C — \u001b[2J\u001b]0;title\u0007 \r\b\u0085\u2028 \u2066x\u2069';
    expect(terminalText(text)).toBe(
      'Ahmad <U+202E>txt.exe<U+202C> — <U+001B>[2J<U+001B>]0;title<U+0007> <U+000D><U+0008><U+0085><U+2028> <U+2066>x<U+2069>',
    );
    const fine = 'الهدنة الإنسانية\tהפוגה הומניטרית\n\u200E\u200F\u061C Humanitarian pause\n';
    expect(terminalText(fine)).toBe(fine);
  });

  it("keeps the progress line's own carriage return and clear-line sequence on standard error, and nothing else", () => {
    expect(terminalErrorText(CLEAR_LINE)).toBe(CLEAR_LINE);
    expect(terminalErrorText('\rimport: 5/10 50%   ')).toBe('\rimport: 5/10 50%   ');
    expect(terminalErrorText('file \u202Eexe.yaml\r\u001b[K: bad\n')).toBe(
      'file <U+202E>exe.yaml<U+000D><U+001B>[K: bad\n',
    );
  });
});
