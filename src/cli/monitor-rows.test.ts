import { describe, expect, it } from 'vitest';
import { csvRows } from './monitor-rows.ts';

describe("a monitor's CSV rows", () => {
  it('names a row of the wrong width by its cells and the header’s columns, one in the singular', () => {
    expect(() => csvRows('kind,occurred_at,actor\nx\n')).toThrow('1 cell, but the header names 3 columns');
    expect(() => csvRows('kind,occurred_at,actor\nx,y,z,w\n')).toThrow(
      '4 cells, but the header names 3 columns',
    );
  });
});
