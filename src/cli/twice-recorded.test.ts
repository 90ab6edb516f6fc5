import { describe, expect, it } from 'vitest';
import { csvRows } from './monitor-rows.ts';
import { twiceRecorded } from './twice-recorded.ts';

describe('rows that record again an act another row records', () => {
  it('are the handovers or releases whose refs name an earlier one of the same exchange and side', () => {
    const { rows } = csvRows(
      [
        'id,kind,occurred_at,actor,refs,provision,party,to,count',
        'h1,handover.completed,2025-05-23T12:00:00+03:00,ru,,ex,russia,ukraine,390',
        // The other government's figure for the same stage: a second handover, counted again.
        'h1b,handover.completed,2025-05-23T12:30:00+03:00,operator,h1,ex,russia,ukraine,390',
        'r1,release.completed,2025-05-23T13:00:00+03:00,ua,,ex,ukraine,,390',
        // Resting on the handover it answers (another kind): not the same act.
        'r1b,release.completed,2025-05-23T13:00:00+03:00,ua,h1,ex,ukraine,,390',
        // Another exchange's handover that rests on this one: not the same act either.
        'h2,handover.completed,2025-06-11T12:00:00+03:00,ru,h1,remains,russia,ukraine,1212',
      ].join('\n'),
    );
    expect(twiceRecorded(rows)).toEqual([{ line: 3, kind: 'handover.completed', of: 2 }]);
  });
});
