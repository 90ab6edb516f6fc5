import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from './utf8.ts';

const latin1 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));

describe('decodeUtf8', () => {
  it('reads UTF-8 in every script as it is', () => {
    const text = 'name,نور,נועה,Zoë\n𝄞';
    expect(decodeUtf8(new TextEncoder().encode(text))).toEqual({ ok: true, text });
  });

  it('says where Latin-1 text stops being UTF-8, instead of replacing it', () => {
    expect(decodeUtf8(latin1('kind,text\nstatement,Zoé said'))).toEqual({
      ok: false,
      line: 2,
      column: 13,
      byte: 0xe9,
      offset: 22,
    });
  });

  it('refuses a cut character, an overlong form and a surrogate', () => {
    for (const bytes of [
      [0x61, 0xe2, 0x82],
      [0xc0, 0xaf],
      [0xed, 0xa0, 0x80],
    ]) {
      expect(decodeUtf8(Uint8Array.from(bytes)).ok).toBe(false);
    }
  });
});
