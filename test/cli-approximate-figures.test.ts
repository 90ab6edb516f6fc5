import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatVerifierKey, parseSignerKey } from '../src/core/ledger/signed-note.ts';
import { nodeCrypto } from '../src/platform/node-crypto.ts';
import { repoRoot, runCliIn } from './helpers/run-cli.ts';

// A monitor's approximate figure ("about 250 trucks", "more than 200"), recorded with `truce record
// --uncertain` on SQLite, and how `truce status` then reads it in each language.
const NOV = join(repoRoot, 'examples/agreements/nov-2023-pause.yaml');
const SETUP = '2023-11-22T12:00:00+02:00';

describe('truce record of a figure given as approximate', () => {
  let dir: string;
  const truce = (...args: string[]) => runCliIn(dir, ...args, '--database', join(dir, 'truce.db'));
  /** An aid figure for 24 Nov by the monitor, as the source gave it. */
  const aid = (quantity: number, source: string, ...more: string[]) =>
    truce(
      'record',
      'aid.delivered',
      '--key',
      'keys/monitor.key',
      '--occurred-at',
      '2023-11-24T20:00:00+02:00',
      '--field',
      'provision=aid',
      '--field',
      'date=2023-11-24',
      '--field',
      `quantity=${quantity}`,
      '--field',
      'unit=truck',
      '--field',
      'category=aid',
      '--source',
      source,
      '--json',
      ...more,
    );

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'truce-approximate-'));
    for (const name of ['operator', 'monitor'])
      expect((await runCliIn(dir, 'keygen', name, '--out', `keys/${name}.key`)).status).toBe(0);
    expect(
      (await truce('log', 'init', NOV, '--key', 'keys/operator.key', '--occurred-at', SETUP)).status,
    ).toBe(0);
    const signer = parseSignerKey(nodeCrypto, readFileSync(join(dir, 'keys/monitor.key'), 'utf8').trim());
    const r = await truce(
      'record',
      'actor.registered',
      '--key',
      'keys/operator.key',
      '--occurred-at',
      SETUP,
      '--field',
      'actor=monitor',
      '--field',
      'name=UN monitor',
      '--field',
      'role=monitor',
      '--field',
      `key=${formatVerifierKey(signer)}`,
    );
    expect(r.stderr).toBe('');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('--uncertain records `uncertain: true` in the body, as --field uncertain=true does, with the note saying why', async () => {
    const flag = await aid(250, 'UN', '--uncertain', '--note', 'The UN said "about 250 trucks".');
    expect(flag.stderr).toBe('');
    expect(flag.status).toBe(0);
    const field = await aid(230, 'COGAT', '--field', 'uncertain=true');
    expect(field.status).toBe(0);
    const shown = JSON.parse((await truce('log', 'show', '--json')).stdout);
    const [about, also] = shown.events.slice(-2).map((e: { event: unknown }) => e.event);
    expect(about).toMatchObject({
      body: { quantity: 250, uncertain: true },
      note: 'The UN said "about 250 trucks".',
      source: { name: 'UN' },
    });
    expect(also).toMatchObject({ body: { quantity: 230, uncertain: true } });
  });

  it('refuses a value that is not true or false, and the flag on a kind that records no figure, storing nothing', async () => {
    const before = JSON.parse((await truce('log', 'show', '--json')).stdout).size;
    const yes = await aid(250, 'UN', '--field', 'uncertain=yes');
    expect(yes.status).toBe(1);
    expect(yes.stderr).toContain(
      'uncertain: `uncertain` is true when the figure is approximate ("about 250"), false or left out when it is exact; not "yes"',
    );
    const statement = await truce(
      'record',
      'statement',
      '--key',
      'keys/monitor.key',
      '--occurred-at',
      '2023-11-24T21:00:00+02:00',
      '--field',
      'text=About 250 trucks.',
      '--uncertain',
    );
    expect(statement.status).toBe(1);
    expect(statement.stderr).toContain(
      '`uncertain` marks a figure as approximate, and a statement event records none it could mark',
    );
    expect(JSON.parse((await truce('log', 'show', '--json')).stdout).size).toBe(before);
  });
});
