import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatVerifierKey, parseSignerKey } from '../src/core/ledger/signed-note.ts';
import { nodeCrypto } from '../src/platform/node-crypto.ts';
import { DIALECTS, scratchLocation } from './helpers/databases.ts';
import { repoRoot, runCliIn } from './helpers/run-cli.ts';

const NOV = join(repoRoot, 'examples/agreements/nov-2023-pause.yaml');
/** When the log and its actors' keys are in force: before the rows' events (a key is valid from its registration's occurredAt). */
const SETUP = '2023-11-22T12:00:00+02:00';
const ROWS = 100_000;

describe.each(DIALECTS)('100,000 monitor rows in one import, on %s', (dialect) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  it('imports them in one run, and the same file again adds nothing', { timeout: 600_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'truce-100k-'));
    const scratch = await scratchLocation(dialect);
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }), scratch.remove);
    const truce = (...args: string[]) => runCliIn(dir, ...args, '--database', scratch.location);
    for (const name of ['operator', 'monitor'])
      expect((await runCliIn(dir, 'keygen', name, '--out', `keys/${name}.key`)).status).toBe(0);
    expect(
      (await truce('log', 'init', NOV, '--key', 'keys/operator.key', '--occurred-at', SETUP)).status,
    ).toBe(0);
    const monitor = parseSignerKey(nodeCrypto, readFileSync(join(dir, 'keys/monitor.key'), 'utf8').trim());
    const registered = await truce(
      'record',
      'actor.registered',
      '--key',
      'keys/operator.key',
      ...['--occurred-at', SETUP],
      ...['--field', 'actor=monitor', '--field', 'name=Monitor', '--field', 'role=monitor'],
      ...['--field', `key=${formatVerifierKey(monitor)}`],
    );
    expect(registered.stderr).toBe('');
    // One row a crossing and an hour: fixed figures, no clock, no randomness.
    let csv = 'id,kind,occurred_at,actor,date,quantity,unit,destination,source\r\n';
    for (let i = 0; i < ROWS; i++) {
      const t = new Date(Date.UTC(2023, 10, 24) + i * 60_000).toISOString();
      csv += `row-${i},aid.delivered,${t},monitor,${t.slice(0, 10)},${(i % 97) + 1},truck,north,UN 2720 mechanism\r\n`;
    }
    writeFileSync(join(dir, 'rows.csv'), csv);
    const started = performance.now();
    const cpu = process.cpuUsage();
    const first = await truce('import', 'rows.csv', '--keys', 'keys', '--json');
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    expect(first.stderr).toBe('');
    const r = JSON.parse(first.stdout);
    expect(r).toMatchObject({ events: ROWS, added: ROWS, duplicates: 0 });
    expect(r.rows[ROWS - 1]).toMatchObject({ line: ROWS + 1, id: `row-${ROWS - 1}`, index: ROWS + 2 });
    // Wall time depends on the machine's load; the CPU time of this process (the database's is apart) less so.
    console.info(
      `${dialect}: ${ROWS} rows imported in ${seconds.toFixed(1)} s (${((used.user + used.system) / 1e6).toFixed(1)} s CPU)`,
    );
    const again = JSON.parse((await truce('import', 'rows.csv', '--keys', 'keys', '--json')).stdout);
    expect(again).toMatchObject({ added: 0, duplicates: ROWS });
    expect(JSON.parse((await truce('log', 'show', '--json', '--limit', '1')).stdout).size).toBe(ROWS + 3);
  });
});
