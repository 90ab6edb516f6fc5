import { describe, expect, it } from 'vitest';

describe('Arabic words for a milestone', () => {
  it('never use مرحلة, the word the pages use for a phase: a milestone is محطة', async () => {
    const { ACTION_WORDS } = await import('../../../src/core/words/nouns.ts');
    const { KIND_WORDS } = await import('../../../src/core/report/event-words.ts');
    const { ar } = await import('./messages-ar.ts');
    const words = [
      ACTION_WORDS.ar['reach-milestone'],
      KIND_WORDS.ar['milestone.reached'],
      ar['action.reach-milestone'],
      ar['eventKind.milestone.reached'],
    ];
    for (const w of words) expect(w).toContain('محطة');
  });
});
