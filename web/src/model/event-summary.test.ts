import { describe, expect, it } from 'vitest';
import { summarizeBody } from './event-summary.ts';

describe('summarizeBody', () => {
  it('shows counts and ids in a fixed order and never the commitments', () => {
    const s = summarizeBody({
      persons: ['a'.repeat(64)],
      count: 13,
      provision: 'exchange',
      batch: 2,
      to: 'israel',
    });
    expect(s.fields).toEqual([
      { name: 'provision', value: 'exchange' },
      { name: 'batch', value: '2' },
      { name: 'count', value: '13' },
      { name: 'to', value: 'israel' },
    ]);
    expect(JSON.stringify(s)).not.toContain('aaaa');
  });

  it('lists the events referred to, once', () => {
    const h = 'b'.repeat(64);
    expect(summarizeBody({ of: h, reason: 'r' }, [h]).refs).toEqual([h]);
    expect(summarizeBody({ zones: ['north', 'south'] }).fields).toEqual([
      { name: 'zones', value: 'north, south' },
    ]);
  });

  it('shortens long text', () => {
    const s = summarizeBody({ text: 'x'.repeat(1000) });
    expect(s.fields[0]!.value).toHaveLength(300);
  });
});
