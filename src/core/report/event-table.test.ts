import { describe, expect, it } from 'vitest';
import { logged } from '../compliance/test-log.ts';
import { EVENT_COLUMNS, type TableEvent } from './event-table.ts';
import { csvHead, csvLine, jsonRecord, tableCsv } from './table.ts';

const at = (index: number, e: ReturnType<typeof logged>): TableEvent => ({ index, ...e });

describe('event table', () => {
  const release = at(
    4,
    logged('icrc', 'release.completed', '2023-11-24T16:00:00+02:00', {
      provision: 'exchange',
      batch: 1,
      party: 'hamas',
      count: 13,
      category: 'women-children',
    }),
  );
  const statement = at(
    5,
    logged('monitor', 'statement', '2023-11-24T17:00:00+02:00', { text: '=HYPERLINK("x")' }),
  );

  it('lifts the fields of a body into columns and leaves the others empty', () => {
    const r = jsonRecord(EVENT_COLUMNS, release);
    expect(r).toMatchObject({
      index: 4,
      leaf_hash: release.leafHash,
      kind: 'release.completed',
      actor: 'icrc',
      provision: 'exchange',
      batch: 1,
      party: 'hamas',
      count: 13,
      category: 'women-children',
      quantity: null,
      text: null,
      refs: [],
    });
    expect(r.body).toEqual(release.event.event.body);
  });

  it('writes CSV with the HXL hashtag row under the header only when asked', () => {
    expect(csvHead(EVENT_COLUMNS, false).split('\r\n')).toHaveLength(2);
    const [header, tags] = csvHead(EVENT_COLUMNS, true).split('\r\n');
    expect(header!.split(',')).toHaveLength(EVENT_COLUMNS.length);
    expect(tags!.split(',')).toEqual(EVENT_COLUMNS.map((c) => c.hxl));
    for (const tag of tags!.split(',')) expect(tag).toMatch(/^#[a-z][a-z0-9_]*(\+[a-z][a-z0-9_]*)*$/);
  });

  it('neutralises a statement a spreadsheet would run as a formula', () => {
    const line = csvLine(EVENT_COLUMNS, statement);
    expect(line).toContain(`"'=HYPERLINK(""x"")"`);
    expect(tableCsv(EVENT_COLUMNS, [release, statement], true).split('\r\n')).toHaveLength(5);
  });

  it('gives the events a correction or dispute refers to', () => {
    const d = at(
      6,
      logged('israel', 'dispute', '2023-11-25T10:00:00+02:00', { of: release.leafHash, reason: 'x' }),
    );
    expect(jsonRecord(EVENT_COLUMNS, d)).toMatchObject({ refs: [release.leafHash], text: 'x' });
    expect(csvLine(EVENT_COLUMNS, d)).toContain(release.leafHash);
  });
});
