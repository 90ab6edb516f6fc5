import { MARK_CLOSE, MARK_OPEN } from '../core/words/render.ts';

const FSI = '\u2068';
const PDI = '\u2069';

/**
 * Text for a terminal, already sanitized (terminalText), with the names and recorded words its
 * formatter marked (MARK_OPEN … MARK_CLOSE, core/words/render.ts) each in its own isolate (U+2068
 * … U+2069), so that in an Arabic or Hebrew line a bracket or a full stop beside a Latin source
 * keeps its side. Only pairs become isolates, each closed on its line: what a record could slip in
 * never opens one that does not close, and a mark left alone is dropped.
 */
export function markedIsolates(text: string): string {
  if (!text.includes(MARK_OPEN) && !text.includes(MARK_CLOSE)) return text;
  return text
    .split('\n')
    .map((line) => {
      let out = '';
      let depth = 0;
      for (const ch of line) {
        if (ch === MARK_OPEN) {
          depth++;
          out += FSI;
        } else if (ch === MARK_CLOSE) {
          if (depth === 0) continue;
          depth--;
          out += PDI;
        } else out += ch;
      }
      return out + PDI.repeat(depth);
    })
    .join('\n');
}
