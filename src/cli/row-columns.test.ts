import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EVENT_KINDS, EventRef } from '../core/ledger/event-kinds.ts';
import { csvCell, csvUnneutralised } from '../core/report/csv.ts';
import { CellError, cellValue, valueCell } from './row-cells.ts';
import { ALL_COLUMNS, aliasesOf, BODY_COLUMNS, bodyColumns, shapeOf, snakeCase } from './row-columns.ts';
import { columnsMarkdown } from './row-columns-table.ts';

const noRefs = (ref: string) => `leaf-of-${ref}`;

describe('the columns of a monitor’s rows', () => {
  it('gives every field of every kind a snake_case column of the right shape', () => {
    expect(bodyColumns('release.completed')).toEqual([
      { field: 'provision', column: 'provision', shape: 'text', required: false },
      { field: 'batch', column: 'batch', shape: 'number', required: false },
      { field: 'party', column: 'party', shape: 'text', required: true },
      // A count, or undisclosed: yes when the number was not disclosed (one of the two, checked by the schema).
      { field: 'count', column: 'count', shape: 'number', required: false },
      { field: 'undisclosed', column: 'undisclosed', shape: 'boolean', required: false },
      { field: 'category', column: 'category', shape: 'text', required: false },
      { field: 'persons', column: 'persons', shape: 'list', required: false },
      { field: 'outsideFormula', column: 'outside_formula', shape: 'boolean', required: false },
      { field: 'countsTowardQuota', column: 'counts_toward_quota', shape: 'boolean', required: false },
      { field: 'categories', column: 'categories', shape: 'counts', required: false },
      // yes when the count is approximate as its source gave it ("about 250").
      { field: 'uncertain', column: 'uncertain', shape: 'boolean', required: false },
    ]);
    expect(bodyColumns('handover.confirmed')[0]).toMatchObject({ column: 'handover', shape: 'ref' });
    expect(bodyColumns('allegation.withdrawn')[0]).toMatchObject({ column: 'of', shape: 'ref' });
    expect(bodyColumns('withdrawal.completed')[1]).toMatchObject({ column: 'zones', shape: 'list' });
    expect(bodyColumns('agreement.adopted')[1]).toMatchObject({ column: 'version', shape: 'scalar' });
    expect(bodyColumns('correction').at(-1)).toMatchObject({ column: 'body', shape: 'json' });
    // The registered actor is a body field whose name the envelope's signer column already has.
    expect(bodyColumns('actor.registered')[0]).toMatchObject({ field: 'actor', column: 'body_actor' });
    for (const kind of EVENT_KINDS)
      for (const c of bodyColumns(kind)) expect(ALL_COLUMNS).toContain(c.column);
    expect(new Set(BODY_COLUMNS).size).toBe(BODY_COLUMNS.length);
    expect(snakeCase('countsTowardQuota')).toBe('counts_toward_quota');
  });

  it('gives a shape to the fields a kind added later may have, with no change to the importer', () => {
    expect(shapeOf(z.record(z.string(), z.int().min(0)).optional())).toBe('counts');
    expect(shapeOf(z.string().min(1).max(4000).optional())).toBe('text');
    expect(shapeOf(EventRef.describe('the list it answers'))).toBe('ref');
    expect(shapeOf(z.array(EventRef).max(10))).toBe('ref-list');
    expect(shapeOf(z.enum(['living', 'remains']))).toBe('text');
    expect(shapeOf(z.array(z.strictObject({ figure: z.int(), source: z.string() })))).toBe('json');
    expect(shapeOf(z.boolean().default(false))).toBe('boolean');
  });

  it('keeps the column names of earlier spreadsheets', () => {
    expect(aliasesOf('violation.alleged')).toEqual({ against: 'party', description: 'text' });
    expect(aliasesOf('deadline.missed')).toEqual({ description: 'text' });
    for (const c of ['text', 'party', 'crossing', 'outside_formula', 'source', 'source_method', 'source_url'])
      expect(ALL_COLUMNS).toContain(c);
  });

  it('reads each shape from a cell and writes it back to the same value', () => {
    const cases: [Parameters<typeof cellValue>[0], string, unknown][] = [
      ['number', '1200', 1200],
      ['boolean', 'Yes', true],
      ['boolean', 'no', false],
      ['list', 'north; south', ['north', 'south']],
      ['counts', 'living=3;remains=1', { living: 3, remains: 1 }],
      ['scalar', '2', 2],
      ['scalar', '"2"', '2'],
      ['scalar', 'v1.2', 'v1.2'],
      ['json', '{"count":3}', { count: 3 }],
      ['text', ' Talks resumed ', 'Talks resumed'],
    ];
    for (const [shape, cell, value] of cases) {
      expect(cellValue(shape, cell, noRefs)).toEqual(value);
      expect(cellValue(shape, String(valueCell(shape, value)), noRefs)).toEqual(value);
    }
    expect(cellValue('ref-list', 'a;b', noRefs)).toEqual(['leaf-of-a', 'leaf-of-b']);
    expect(cellValue('number', 7, noRefs)).toBe(7);
  });

  it('says what a cell should have been', () => {
    expect(() => cellValue('number', '1,200', noRefs)).toThrow(
      new CellError('"1,200" is not a number (digits only, e.g. 1200)'),
    );
    expect(() => cellValue('boolean', 'maybe', noRefs)).toThrow(/not yes or no/);
    expect(() => cellValue('counts', 'living:3', noRefs)).toThrow(/NAME=NUMBER/);
    expect(() => cellValue('list', 'a;;b', noRefs)).toThrow(/empty item/);
    expect(() => cellValue('json', '{', noRefs)).toThrow(/expected JSON/);
  });

  it('undoes exactly the neutralisation of formulas that the export does', () => {
    for (const text of [
      '=1+1',
      '+x',
      '-3 trucks',
      '@press',
      "'=already quoted",
      "''+two",
      "it's fine",
      "'plain",
    ]) {
      const cell = csvCell(text)
        .replace(/^"(.*)"$/s, '$1')
        .replaceAll('""', '"');
      expect(/^[=+\-@\t\r]/.test(cell)).toBe(false);
      expect(csvUnneutralised(cell)).toBe(text);
    }
  });

  it('is documented in docs/ledger.md as truce import --columns prints it (regenerate it there when a kind changes)', () => {
    const docs = readFileSync(new URL('../../docs/ledger.md', import.meta.url), 'utf8');
    expect(docs).toContain(columnsMarkdown());
  });
});
