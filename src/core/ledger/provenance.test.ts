import { describe, expect, it } from 'vitest';
import {
  mergeProvenance,
  needsBanner,
  parseProvenance,
  provenanceSentences,
  RECORDED,
} from './provenance.ts';

describe('provenance of a log', () => {
  it('reads the two claims, and an absent value as a log recorded as things happened', () => {
    expect(parseProvenance({ reconstructed: true, demoKeys: false }, 'log.json')).toEqual({
      ok: true,
      provenance: { reconstructed: true, demoKeys: false },
    });
    expect(parseProvenance(undefined, 'log.json')).toEqual({ ok: true, provenance: RECORDED });
  });

  it('refuses anything else, saying where and what is expected', () => {
    for (const bad of [
      true,
      [],
      { reconstructed: 'yes', demoKeys: false },
      { reconstructed: true },
      { reconstructed: true, demoKeys: true, extra: 1 },
    ]) {
      const r = parseProvenance(bad, 'dir/log.json');
      expect(r.ok).toBe(false);
      expect(!r.ok && r.message).toBe(
        'dir/log.json: provenance must be {"reconstructed": true|false, "demoKeys": true|false}.',
      );
    }
  });

  it('keeps a claim once made, and words each', () => {
    expect(
      mergeProvenance({ reconstructed: true, demoKeys: false }, { reconstructed: false, demoKeys: true }),
    ).toEqual({
      reconstructed: true,
      demoKeys: true,
    });
    expect(needsBanner(RECORDED)).toBe(false);
    expect(provenanceSentences(RECORDED)).toEqual([]);
    const both = provenanceSentences({ reconstructed: true, demoKeys: true });
    expect(both).toHaveLength(2);
    expect(both[0]).toMatch(/reconstructed afterwards from public reporting/);
    expect(both[1]).toMatch(/demonstration keys/);
  });
});
