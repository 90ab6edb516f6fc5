import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { nodeCrypto } from '../../platform/node-crypto.ts';
import { buildApp } from '../../server/app.ts';
import { importDemoLog } from '../../server/demo-log.ts';
import type { Keyring } from '../../server/keyring.ts';
import { loadKeyring } from '../../server/keyring-dir.ts';
import { DEFAULT_WEB_DIR } from '../../server/routes/dashboard.ts';
import type { FollowedLog } from '../../server/witness.ts';
import { loadWitnessFollow } from '../../server/witness-follow.ts';
import { type Command, jsonOption, stringFlag } from '../command.ts';
import { counted } from '../count-words.ts';
import { EXIT_OK, InputError, UsageError } from '../io.ts';
import { databaseOption, openStore } from '../ledger-context.ts';

function port(value: string | undefined): number {
  if (value === undefined) return 8080;
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535)
    throw new UsageError(`--port ${JSON.stringify(value)}: expected a port number from 0 to 65535.`);
  return Number(value);
}

function checkpointEvery(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d{0,5}$/.test(value) || Number(value) > 86400)
    throw new UsageError(
      `--checkpoint-every ${JSON.stringify(value)}: expected whole seconds from 1 to 86400.`,
    );
  return Number(value);
}

function personsQuota(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d{0,8}$/.test(value))
    throw new UsageError(
      `--persons-quota ${JSON.stringify(value)}: expected a whole number of person records per party and log, at least 1.`,
    );
  return Number(value);
}

/** --recorded-at-window: whole minutes, from 1 to a day. */
function recordedAtWindow(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 1440)
    throw new UsageError(`--recorded-at-window ${JSON.stringify(value)}: give whole minutes from 1 to 1440.`);
  return n;
}

function requestsPerMinute(value: string | undefined, flag = 'rate-limit'): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d{0,8}$/.test(value))
    throw new UsageError(
      `--${flag} ${JSON.stringify(value)}: expected a whole number of requests per minute, at least 1.`,
    );
  return Number(value);
}

export const serve: Command = {
  name: 'serve',
  summary:
    'Serve the HTTP API (agreements, plans, logs, tiles, appends, status, reports, event streams) until SIGTERM or SIGINT.',
  usage:
    'truce serve [--database DB] [--port 8080] [--host 127.0.0.1] [--agreements DIR] [--demo] [--keys DIR] [--checkpoint-every SECONDS] [--witness-follow FILE] [--web DIR] [--json]',
  options: {
    database: databaseOption,
    port: { type: 'string', description: 'TCP port to listen on (default 8080; 0 picks a free one).' },
    host: { type: 'string', description: 'Address to listen on (default 127.0.0.1).' },
    agreements: {
      type: 'string',
      description: 'Folder of agreement files to publish (default examples/agreements).',
    },
    keys: {
      type: 'string',
      description:
        "Folder of private key files (truce keygen, mode 600) the server signs with: log keys (checkpoints), actors' custodial keys, witness keys. Default: TRUCE_KEYS.",
    },
    'checkpoint-every': {
      type: 'string',
      description:
        'Every SECONDS, sign a checkpoint of each log that grew, with the log keys of --keys (default: only on request).',
    },
    'witness-follow': {
      type: 'string',
      description:
        'JSON file [{"origin", "logKey"}] of other servers\' logs this witness cosigns, besides the logs of its database.',
    },
    web: {
      type: 'string',
      description: 'The built dashboard to serve at / (default web/dist, written by `npm run build:web`).',
    },
    demo: {
      type: 'boolean',
      description:
        'If the database has no log yet, import the Nov 2023 record (examples/logs/nov-2023-pause).',
    },
    'rate-limit': {
      type: 'string',
      description:
        'Requests each API token may make per minute (default 600; anonymous reads are not counted).',
    },
    'persons-quota': {
      type: 'string',
      description:
        'Person records each party (or actor acting for none) may keep in one log (default 100000).',
    },
    'recorded-at-window': {
      type: 'string',
      description:
        "How far an appended event's recordedAt may be from this server's clock, in minutes (default 5); a verified import keeps its own.",
    },
    'anonymous-rate-limit': {
      type: 'string',
      description:
        'Plans and comparisons with what-ifs, reports and statuses at a chosen moment one address may ask for per minute without a token (default 60).',
    },
    json: { ...jsonOption, description: 'Say where it listens, and when it stops, as JSON lines.' },
  },
  details:
    '\nThe reference of the API is at /api/docs, its OpenAPI 3.1 document at /api/openapi.json.\n' +
    'On SIGTERM or SIGINT the server finishes the requests under way, then closes the database.\n' +
    'Request logs go to standard error at TRUCE_LOG_LEVEL (default warn).\n',
  async run(args, io) {
    const listenPort = port(stringFlag(args, 'port'));
    const host = stringFlag(args, 'host') ?? '127.0.0.1';
    const agreements = stringFlag(args, 'agreements');
    const rate = requestsPerMinute(stringFlag(args, 'rate-limit'));
    const quota = personsQuota(stringFlag(args, 'persons-quota'));
    const anonymousRate = requestsPerMinute(stringFlag(args, 'anonymous-rate-limit'), 'anonymous-rate-limit');
    const window = recordedAtWindow(stringFlag(args, 'recorded-at-window'));
    const say = (what: Record<string, string>, text: string) =>
      io.out(args.values.json ? `${JSON.stringify(what)}\n` : `truce serve: ${text}\n`);
    const keysDir = stringFlag(args, 'keys') ?? (io.env.TRUCE_KEYS || undefined);
    const followFile = stringFlag(args, 'witness-follow');
    const web = stringFlag(args, 'web');
    const webDir = web ? resolve(io.cwd, web) : DEFAULT_WEB_DIR;
    const every = checkpointEvery(stringFlag(args, 'checkpoint-every'));
    let keyring: Keyring | undefined;
    let witnessFollow: FollowedLog[] | undefined;
    try {
      if (keysDir) keyring = await loadKeyring(nodeCrypto, resolve(io.cwd, keysDir));
      if (followFile) witnessFollow = await loadWitnessFollow(nodeCrypto, resolve(io.cwd, followFile));
    } catch (e) {
      throw new InputError('server-not-started', (e as Error).message);
    }
    if (every && !keyring)
      throw new UsageError(
        '--checkpoint-every signs with the log keys of --keys DIR (or TRUCE_KEYS): give one.',
      );
    if (keyring) {
      const witnesses = keyring.describe().filter((k) => k.kind === 'witness').length;
      say(
        { keys: String(keyring.size), witnessKeys: String(witnesses) },
        `holds ${counted(keyring.size, 'key')} (${witnesses} witness) from ${keysDir}`,
      );
    }
    const { database, store } = await openStore(args, io);
    if (args.values.demo) {
      try {
        const demo = await importDemoLog(store, nodeCrypto);
        if (demo.log)
          say(
            { demo: demo.log, events: String(demo.events) },
            `imported the demo log ${demo.log} (${counted(demo.events, 'event')}, ${counted(demo.checkpoints, 'checkpoint')})`,
          );
      } catch (e) {
        await database.close();
        throw new InputError('server-not-started', (e as Error).message);
      }
    }
    let app: Awaited<ReturnType<typeof buildApp>>;
    try {
      app = await buildApp({
        database,
        crypto: nodeCrypto,
        ...(agreements ? { agreementsDir: agreements } : {}),
        ...(keyring ? { keyring } : {}),
        ...(witnessFollow ? { witnessFollow } : {}),
        ...(every ? { checkpointEverySeconds: every } : {}),
        ...(rate ? { requestsPerMinute: rate } : {}),
        ...(quota ? { personsQuota: quota } : {}),
        ...(anonymousRate ? { anonymousHeavyPerMinute: anonymousRate } : {}),
        ...(window !== undefined ? { recordedAtWindowMinutes: window } : {}),
        webDir,
        logger: { level: io.env.TRUCE_LOG_LEVEL ?? 'warn', stream: process.stderr },
      });
    } catch (e) {
      await database.close();
      throw new InputError('server-not-started', (e as Error).message);
    }
    let address: string;
    try {
      address = await app.listen({ port: listenPort, host });
    } catch (e) {
      await app.close();
      await database.close();
      throw new InputError(
        'server-not-started',
        `Cannot listen on ${host}:${listenPort}: ${(e as Error).message}`,
      );
    }
    // Where to point a browser first, or why there is nothing to see there yet.
    const built = existsSync(join(webDir, 'index.html'));
    const dashboard = built
      ? `dashboard at ${address}/`
      : `the dashboard is not built (${webDir}): run \`npm run build:web\` (or \`npm start\`), then open ${address}/`;
    say(
      {
        listening: address,
        ...(built ? { dashboard: `${address}/` } : { dashboardNotBuilt: webDir }),
        docs: `${address}/api/docs`,
        database: database.location,
      },
      `${dashboard}\ntruce serve: API at ${address}/api/ (reference at ${address}/api/docs), database ${database.location}`,
    );
    const signal = await new Promise<NodeJS.Signals>((done) => {
      process.once('SIGTERM', done);
      process.once('SIGINT', done);
    });
    say({ signal }, `${signal}: finishing the requests under way`);
    await app.close();
    await database.close();
    say({ stopped: address }, 'stopped');
    return EXIT_OK;
  },
};
