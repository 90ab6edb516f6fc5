import { EventEnvelope } from '../core/ledger/event.ts';
import { EVENT_KINDS, type EventKind } from '../core/ledger/event-kinds.ts';
import {
  aliasesOf,
  bodyColumns,
  ENVELOPE_COLUMNS,
  EXTRA_ENVELOPE_COLUMNS,
  type Shape,
} from './row-columns.ts';

const SPELLING: Record<Shape, string> = {
  text: '',
  number: ' (number)',
  boolean: ' (yes/no)',
  ref: ' (id or leaf hash)',
  list: ' (a;b)',
  'ref-list': ' (ids or leaf hashes, a;b)',
  counts: ' (name=n;…)',
  scalar: ' (number or text)',
  json: ' (JSON)',
};

/** The columns of each kind, as data (`truce import --columns --json`). */
export function columnsByKind(): {
  kind: EventKind;
  columns: { column: string; shape: Shape; required: boolean; alias?: string }[];
}[] {
  return EVENT_KINDS.map((kind) => {
    const aliases = aliasesOf(kind);
    return {
      kind,
      columns: bodyColumns(kind).map((c) => ({
        column: c.column,
        shape: c.shape,
        required: c.required,
        ...(aliases[c.field] ? { alias: aliases[c.field] } : {}),
      })),
    };
  });
}

/** The same as two Markdown tables, generated from the schemas: docs/ledger.md holds this text. */
export function columnsMarkdown(): string {
  const envelope = [
    ...Object.entries(ENVELOPE_COLUMNS).map(([c, what]) => `| \`${c}\` | ${what} |`),
    ...EXTRA_ENVELOPE_COLUMNS.map(
      (c) =>
        `| \`${c.column}\`${SPELLING[c.shape]} | ${(EventEnvelope.shape as Record<string, { description?: string }>)[c.field]?.description ?? 'Any kind of event may carry it'} |`,
    ),
  ];
  const kinds = columnsByKind().map(
    ({ kind, columns }) =>
      `| \`${kind}\` | ${columns
        .map(
          (c) =>
            `${c.required ? `**${c.column}**` : c.column}${SPELLING[c.shape]}${c.alias ? ` or ${c.alias}` : ''}`,
        )
        .join(', ')} |`,
  );
  return [
    '| column (every row) | meaning |',
    '|---|---|',
    ...envelope,
    '',
    '| kind | its columns (**required**) |',
    '|---|---|',
    ...kinds,
    '',
  ].join('\n');
}
