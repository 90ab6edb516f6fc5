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

  it('shows the figures of a crossing’s throughput and its direction, and a response’s answer', () => {
    const s = summarizeBody({
      provision: 'med-ev',
      crossing: 'rafah',
      from: '2025-02-01',
      date: '2025-02-03',
      direction: 'out',
      patients: 37,
      companions: 39,
    });
    expect(s.fields.map((f) => [f.name, f.value])).toEqual([
      ['provision', 'med-ev'],
      ['from', '2025-02-01'],
      ['date', '2025-02-03'],
      ['direction', 'out'],
      ['patients', '37'],
      ['companions', '39'],
      ['crossing', 'rafah'],
    ]);
    expect(
      summarizeBody({ provision: 'talks', by: 'hamas', answer: 'rejected' }).fields.map((f) => f.name),
    ).toEqual(['provision', 'by', 'answer']);
  });
});
