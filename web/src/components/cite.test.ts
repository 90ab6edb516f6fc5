import { describe, expect, it } from 'vitest';
import { scriptTag } from './cite.tsx';

describe('scriptTag', () => {
  it('marks a citation by the script of its first letter, its language undetermined', () => {
    expect(scriptTag('Press reports (Reuters, AP)')).toBe('und-Latn');
    expect(scriptTag('(2) وزارة الصحة')).toBe('und-Arab');
    expect(scriptTag('שירות בתי הסוהר')).toBe('und-Hebr');
    expect(scriptTag('2720')).toBeUndefined();
  });
});
