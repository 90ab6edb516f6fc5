import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { EVENT_KINDS } from '../../core/ledger/event-kinds.ts';
import { agreementOption, cliFit } from '../adopted-agreement.ts';
import { agreementsOption } from '../agreement-folder.ts';
import { type Command, jsonOption, listFlag, stringFlag } from '../command.ts';
import { EXIT_OK, InputError, UsageError } from '../io.ts';
import { chooseLog, databaseOption, openStore, readSigner } from '../ledger-context.ts';
import { appendAndCheckpoint, envelope } from '../record-events.ts';

/** `--field k=v`: numbers, booleans and JSON arrays/objects are typed; anything else is text. */
export function fieldValue(raw: string): unknown {
  if (/^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
  if (raw === 'true' || raw === 'false') return raw === 'true';
  if (/^[[{]/.test(raw)) {
    try {
      return JSON.parse(raw);
    } catch {
      throw new UsageError(
        `--field value ${JSON.stringify(raw.slice(0, 40))} looks like JSON but does not parse.`,
      );
    }
  }
  return raw;
}

const MAX_BODY_FILE = 64 * 1024;

export const record: Command = {
  name: 'record',
  summary:
    'Sign an event with your key and append it to the log (e.g. a handover, aid delivered, a dispute).',
  usage:
    'truce record KIND --key FILE [--field NAME=VALUE]... [--body JSON|@FILE] [--uncertain] [--ref HASH]... [--source NAME] [--note TEXT] [--agreements DIR] [--agreement FILE] [--json]',
  options: {
    key: { type: 'string', description: 'Your private key file; the event is signed with it.' },
    actor: { type: 'string', description: 'Your actor id in the log (default: the key name).' },
    log: { type: 'string', description: 'The log (agreement id); needed when the database has several.' },
    field: { type: 'string', multiple: true, description: 'A body field, NAME=VALUE (repeatable).' },
    body: { type: 'string', description: 'The whole body as JSON, or @FILE to read it.' },
    uncertain: {
      type: 'boolean',
      description:
        'The figure is approximate as its source gave it ("about 250"): records uncertain: true (as --field uncertain=true); what is built on it carries the ⚠. Say why with --note.',
    },
    ref: { type: 'string', multiple: true, description: 'Leaf hash of an earlier event this refers to.' },
    'occurred-at': { type: 'string', description: 'When it happened (ISO 8601 with offset; default now).' },
    source: { type: 'string', description: 'Who counted the figure, e.g. "UN 2720 mechanism".' },
    'source-method': { type: 'string', description: 'How it was counted, e.g. "trucks collected".' },
    'source-url': { type: 'string', description: 'Where the figure was published.' },
    note: {
      type: 'string',
      description: 'A short note on the event (any kind), e.g. where it was reported.',
    },
    'expected-size': { type: 'string', description: 'Refuse unless the log has exactly this many events.' },
    'checkpoint-key': {
      type: 'string',
      description: "The operator's key, to sign a checkpoint after appending.",
    },
    agreement: agreementOption,
    agreements: agreementsOption,
    database: databaseOption,
    json: jsonOption,
  },
  details: `\nKinds: ${EVENT_KINDS.join(', ')}.\nExample:\n  truce record aid.delivered --key keys/monitor.key --field date=2023-11-25 --field quantity=50 \\\n    --field unit=truck --field destination=north --source "COGAT"\nA figure its source gave as approximate ("about 250 released", "more than 200 trucks") is recorded as its number with --uncertain (or --field uncertain=true), and why in --note: the figures and statuses built on it carry the ⚠ (docs/ledger.md).\nThe event is checked against the agreement the log adopted (docs/ledger.md, "What an event must fit"): a provision, batch, category, zone or party the agreement does not have, or an actor that may not record it, is refused with what would fit. The adopted text is the --agreement file, else the file of --agreements DIR (default examples/agreements under the working folder) with its id and hash, else the version stored in the database with that hash. A log that adopted none, or whose text is not found, gets only the log's structural checks.\n`,
  async run(args, io) {
    const [kind] = args.positionals;
    if (!kind || args.positionals.length > 1) throw new UsageError('Name one event KIND.');
    if (!(EVENT_KINDS as string[]).includes(kind))
      throw new UsageError(`Unknown event kind "${kind}". Kinds: ${EVENT_KINDS.join(', ')}.`);
    const signer = await readSigner(io, stringFlag(args, 'key'));
    const operatorPath = stringFlag(args, 'checkpoint-key');
    const operator = operatorPath ? await readSigner(io, operatorPath, 'checkpoint-key') : signer;
    let body: Record<string, unknown> = {};
    const bodyFlag = stringFlag(args, 'body');
    if (bodyFlag !== undefined) {
      let text = bodyFlag;
      if (bodyFlag.startsWith('@')) {
        const buf = await readFile(resolve(io.cwd, bodyFlag.slice(1))).catch(() => {
          throw new InputError('body-not-found', `Cannot read the body file ${bodyFlag.slice(1)}.`);
        });
        if (buf.length > MAX_BODY_FILE)
          throw new InputError('body-too-large', `The body file is over ${MAX_BODY_FILE} bytes.`);
        text = buf.toString('utf8');
      }
      try {
        body = JSON.parse(text);
      } catch {
        throw new InputError('body-not-json', '--body is not valid JSON.');
      }
      if (!body || typeof body !== 'object' || Array.isArray(body))
        throw new InputError('body-not-object', '--body must be a JSON object.');
    }
    for (const f of listFlag(args, 'field')) {
      const at = f.indexOf('=');
      if (at < 1) throw new UsageError(`--field ${JSON.stringify(f)}: expected NAME=VALUE.`);
      body[f.slice(0, at)] = fieldValue(f.slice(at + 1));
    }
    // An approximate figure ("about 250"): the event's schema refuses it for a kind with no figure.
    if (args.values.uncertain) body.uncertain = true;
    const refs = listFlag(args, 'ref');
    const source = stringFlag(args, 'source');
    const note = stringFlag(args, 'note');
    const expected = stringFlag(args, 'expected-size');
    if (expected !== undefined && !/^\d+$/.test(expected))
      throw new UsageError('--expected-size takes a whole number.');
    const { store, database } = await openStore(args, io);
    try {
      const log = await chooseLog(store, args);
      const fit = await cliFit(args, io, database, store, log);
      const env = envelope(log, kind, stringFlag(args, 'actor') ?? signer.name, body, {
        ...(refs.length ? { refs } : {}),
        ...(note !== undefined ? { note } : {}),
        ...(stringFlag(args, 'occurred-at') ? { occurredAt: stringFlag(args, 'occurred-at')! } : {}),
        ...(source
          ? {
              source: {
                name: source,
                ...(stringFlag(args, 'source-method') ? { method: stringFlag(args, 'source-method')! } : {}),
                ...(stringFlag(args, 'source-url') ? { url: stringFlag(args, 'source-url')! } : {}),
              },
            }
          : {}),
      });
      const { results, checkpoint } = await appendAndCheckpoint(
        store,
        log,
        [env],
        signer,
        operator,
        expected === undefined ? undefined : Number(expected),
        fit.hook,
      );
      const r = results[0]!;
      const against = fit.checkedAgainst();
      if (args.values.json)
        io.out(
          `${JSON.stringify({ log, ...r, checkpoint: checkpoint?.size ?? null, checkedAgainst: against })}\n`,
        );
      else
        io.out(
          `${r.duplicate ? 'already in the log' : 'recorded'}: ${kind} at index ${r.index}, leaf ${r.leafHash}\n${
            against
              ? `checked against agreement ${against.agreement} (SHA-256 ${against.sha256.slice(0, 12)}…)`
              : 'structural checks only: the log has adopted no agreement text found here (give it with --agreement FILE); --agreements DIR names the folder to find it in'
          }\n`,
        );
    } finally {
      await database.close();
    }
    return EXIT_OK;
  },
};
