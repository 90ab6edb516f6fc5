import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { EVENT_COLUMNS, type TableEvent } from '../../core/report/event-table.ts';
import { STATUS_COLUMNS, statusRows } from '../../core/report/status-table.ts';
import { type Column, csvHead, csvLine, jsonRecord } from '../../core/report/table.ts';
import { explain } from '../../core/words/explain.ts';
import type { LedgerStore } from '../../store/ledger-store.ts';
import { ProvenanceStore } from '../../store/provenance-store.ts';
import type { ServerContext } from '../context.ts';
import { evaluateLogAt } from '../log-evaluation.ts';
import { wholeNumber } from '../paging.ts';
import { readerLang } from '../reader-lang.ts';
import { defineRoute } from '../route.ts';
import { LogParams, LogProvenance } from '../schemas.ts';
import { StatusQuery } from '../status-schemas.ts';
import { PageQuery } from './events.ts';

/** Events read from the store at a time while a whole-log export streams. */
const STREAM_PAGE = 1000;

const CSV_TYPE = 'text/csv; charset=utf-8';
const JSONL_TYPE = 'application/x-ndjson; charset=utf-8';

const Hxl = z
  .stringbool()
  .optional()
  .describe(
    'true: a second row of HXL hashtags (hxlstandard.org) under the header row, for HXL tools such as the HXL Proxy.',
  );

const StreamQuery = z.strictObject({
  from: PageQuery.shape.from,
  limit: wholeNumber('events')
    .refine((n) => n >= 1, 'expected at least 1')
    .optional()
    .describe('At most this many events (default: to the end of the log as it was when the export began).'),
});

const ColumnInfo = z.object({
  name: z.string(),
  hxl: z.string().describe('HXL hashtag and attributes of the column.'),
  description: z.string(),
});

const EventExportPage = z
  .object({
    log: z.string(),
    size: z.int().min(0).describe('Events in the log when the page was read.'),
    from: z.int().min(0),
    next: z.int().min(0).nullable().describe('`from` of the next page; null at the end of the log.'),
    provenance: LogProvenance,
    columns: z.array(ColumnInfo),
    rows: z.array(z.record(z.string(), z.unknown()).describe('One event, keyed by column name.')),
  })
  .meta({ title: 'EventExportPage' });

const StatusExport = z
  .object({
    log: z.string(),
    agreement: z.string(),
    asOf: z.string().describe("The moment judged, with the agreement's offset."),
    provenance: LogProvenance,
    columns: z.array(ColumnInfo),
    rows: z.array(
      z.record(z.string(), z.unknown()).describe('A provision or an obligation, keyed by column name.'),
    ),
  })
  .meta({ title: 'StatusExport' });

const columnInfo = <R>(columns: readonly Column<R>[]) =>
  columns.map(({ name, hxl, description }) => ({ name, hxl, description }));

/**
 * `attachment` with a file name any client accepts (letters, digits, dot, plus, hyphen, underscore) and,
 * for a name that needs more, its UTF-8 spelling (RFC 6266, RFC 8187).
 */
export function attachment(name: string): string {
  const plain = name.replace(/[^A-Za-z0-9._+-]+/g, '_');
  if (plain === name) return `attachment; filename="${plain}"`;
  return `attachment; filename="${plain}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/** Marks the reply as a download of `type` named `name`, read afresh each time. */
function download(reply: FastifyReply, type: string, name: string): void {
  reply.type(type).header('cache-control', 'no-cache').header('content-disposition', attachment(name));
}

/** The text of events [from, end) a page at a time, after `head`: the response streams as it is read. */
function streamEvents(
  store: LedgerStore,
  logId: string,
  from: number,
  end: number,
  head: string,
  line: (e: TableEvent & { bytes: Uint8Array }) => string,
): Readable {
  async function* chunks() {
    if (head) yield head;
    for (let at = from; at < end; at += STREAM_PAGE)
      yield (await store.entries(logId, at, Math.min(end, at + STREAM_PAGE))).map(line).join('');
  }
  return Readable.from(chunks());
}

const decoder = new TextDecoder();
const CSV_DOC =
  'UTF-8, CRLF line ends (RFC 4180); a text cell starting with = + - @ tab or CR is prefixed with a single quote so that no spreadsheet runs it as a formula.';

/**
 * GET /api/logs/:id/export/…: a log's events and its statuses as files for spreadsheets, HXL tools
 * and scripts. The format is the path's suffix: `.json`, `.jsonl` (events), `.csv` (`?hxl=true`
 * adds the HXL hashtag row). The columns are EVENT_COLUMNS and STATUS_COLUMNS.
 */
export const exportRoutes = (ctx: ServerContext) => {
  const { store } = ctx;
  const provenance = new ProvenanceStore(ctx.database);
  /** The events [from, end) of the query, within the log as it is now. */
  const range = async (
    id: string,
    query: { from?: number | undefined; limit?: number | undefined },
    dflt: number,
  ) => {
    const log = await store.requireLog(id);
    const from = query.from ?? 0;
    return { log, from, end: Math.max(from, Math.min(log.size, from + (query.limit ?? dflt))) };
  };
  return [
    defineRoute({
      method: 'GET',
      url: '/api/logs/:id/export/events.json',
      operationId: 'exportEventsJson',
      tag: 'exports',
      access: 'public',
      summary: 'The events of a log as table rows (the columns of the CSV export), a page at a time',
      description:
        'Each row is one event with the fields of its body lifted into columns; `columns` names them with their HXL hashtags. `body` is the whole body as an object, `refs` a list.',
      params: LogParams,
      query: PageQuery,
      responses: { 200: { description: 'A page of rows.', schema: EventExportPage } },
      problems: [404],
      async handler({ params, query, reply }) {
        const { log, from, end } = await range(params.id, query, 100);
        const entries = from < end ? await store.entries(log.id, from, end) : [];
        reply.header('cache-control', 'no-cache');
        return {
          log: log.id,
          size: log.size,
          from,
          next: end < log.size ? end : null,
          provenance: await provenance.get(log.id),
          columns: columnInfo(EVENT_COLUMNS),
          rows: entries.map((e) => jsonRecord(EVENT_COLUMNS, e)),
        };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/logs/:id/export/events.jsonl',
      operationId: 'exportEventsJsonLines',
      tag: 'exports',
      access: 'public',
      summary: 'The signed events of a log as JSON Lines, streamed: the events.jsonl of `truce export`',
      description:
        'One signed event a line, exactly the canonical bytes the log stores and hashes, so each line can be checked against its leaf hash and signature. The whole log (as it was when the export began) unless `from`/`limit` say otherwise.',
      params: LogParams,
      query: StreamQuery,
      responses: {
        200: {
          description: 'One canonical signed event a line.',
          contentType: JSONL_TYPE,
          headers: { 'content-disposition': 'attachment; filename="LOG-events.jsonl"' },
        },
      },
      problems: [404],
      async handler({ params, query, reply }) {
        const { log, from, end } = await range(params.id, query, Number.MAX_SAFE_INTEGER);
        download(reply, JSONL_TYPE, `${log.id}-events.jsonl`);
        return streamEvents(store, log.id, from, end, '', (e) => `${decoder.decode(e.bytes)}\n`);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/logs/:id/export/events.csv',
      operationId: 'exportEventsCsv',
      tag: 'exports',
      access: 'public',
      summary:
        'The events of a log as CSV (as `truce export --csv`), streamed; with `hxl=true` an HXL hashtag row',
      description: `${CSV_DOC} The whole log (as it was when the export began) unless \`from\`/\`limit\` say otherwise.`,
      params: LogParams,
      query: StreamQuery.extend({ hxl: Hxl }),
      responses: {
        200: {
          description: 'The header row, the HXL row if asked, then one row an event.',
          contentType: CSV_TYPE,
          headers: {
            'content-disposition': 'attachment; filename="LOG-events.csv" (LOG-events-hxl.csv with hxl)',
          },
        },
      },
      problems: [404],
      async handler({ params, query, reply }) {
        const { log, from, end } = await range(params.id, query, Number.MAX_SAFE_INTEGER);
        download(reply, CSV_TYPE, `${log.id}-events${query.hxl ? '-hxl' : ''}.csv`);
        const head = csvHead(EVENT_COLUMNS, query.hxl ?? false);
        return streamEvents(store, log.id, from, end, head, (e) => csvLine(EVENT_COLUMNS, e));
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/logs/:id/export/statuses.json',
      operationId: 'exportStatusesJson',
      tag: 'exports',
      access: 'public',
      // As /status: now is judged once a second for everyone; another moment is costly.
      heavy: (query) => query.at !== undefined,
      summary: 'The status of every provision and obligation at a moment, as table rows',
      description:
        'The rows of the status CSV: each provision, then its obligations. As `/status`, the log is judged against the agreement text it adopted (by SHA-256); `at` defaults to now.',
      params: LogParams,
      query: StatusQuery,
      responses: { 200: { description: 'The rows.', schema: StatusExport } },
      problems: [404, 409, 422, 503],
      async handler({ params, query, request, reply }) {
        const { agreement, evaluation } = await evaluateLogAt(ctx, params.id, query.at);
        const lang = readerLang(request, query);
        reply.header('vary', 'accept-language');
        reply.header('cache-control', 'no-cache');
        return {
          log: params.id,
          agreement: evaluation.agreement,
          asOf: evaluation.asOf,
          provenance: await provenance.get(params.id),
          columns: columnInfo(STATUS_COLUMNS),
          rows: statusRows(evaluation, (x) => explain(x, agreement, lang)).map((r) =>
            jsonRecord(STATUS_COLUMNS, r),
          ),
        };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/logs/:id/export/statuses.csv',
      operationId: 'exportStatusesCsv',
      tag: 'exports',
      access: 'public',
      heavy: (query) => query.at !== undefined,
      summary:
        'The status of every provision and obligation at a moment as CSV; with `hxl=true` an HXL hashtag row',
      description: `${CSV_DOC} \`at\` defaults to now.`,
      params: LogParams,
      query: StatusQuery.extend({ hxl: Hxl }),
      responses: {
        200: {
          description: 'The header row, the HXL row if asked, then one row a provision or obligation.',
          contentType: CSV_TYPE,
          headers: { 'content-disposition': 'attachment; filename="LOG-statuses-ASOF.csv"' },
        },
      },
      problems: [404, 409, 422, 503],
      async handler({ params, query, request, reply }) {
        const { agreement, evaluation } = await evaluateLogAt(ctx, params.id, query.at);
        const lang = readerLang(request, query);
        reply.header('vary', 'accept-language');
        const stamp = evaluation.asOf.replace(/[:]/g, '').replace(/\.\d+/, '');
        download(reply, CSV_TYPE, `${params.id}-statuses-${stamp}${query.hxl ? '-hxl' : ''}.csv`);
        let text = csvHead(STATUS_COLUMNS, query.hxl ?? false);
        for (const row of statusRows(evaluation, (x) => explain(x, agreement, lang)))
          text += csvLine(STATUS_COLUMNS, row);
        return text;
      },
    }),
  ];
};
