/**
 * Text for a terminal: what agreements and logs say (names, titles, statements) is shown as
 * written, but the characters that could take over the terminal or reorder what it shows are
 * replaced by a visible `<U+XXXX>`: C0 and C1 controls (escape sequences, carriage return,
 * backspace…) but the line feed and tab, DEL, the line and paragraph separators, and the bidi
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) that make text read in
 * another order than it is written ("Trojan Source"). Letters of every script, and the bidi
 * marks LRM, RLM and ALM, pass unchanged.
 */
function unsafe(code: number): boolean {
  if (code === 0x09 || code === 0x0a) return false;
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x2028 ||
    code === 0x2029 ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

export function terminalText(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!unsafe(code)) continue;
    out += `${text.slice(from, i)}<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** The one escape sequence the CLI writes itself: clear the line of a progress message on a terminal. */
export const CLEAR_LINE = '\r\x1b[K';

/**
 * Standard error text for a terminal, sanitized as terminalText but for what the CLI's progress
 * line writes itself (progress.ts): CLEAR_LINE, and a carriage return that starts a write.
 */
export function terminalErrorText(text: string): string {
  if (text === CLEAR_LINE) return text;
  return text.startsWith('\r') ? `\r${terminalText(text.slice(1))}` : terminalText(text);
}
