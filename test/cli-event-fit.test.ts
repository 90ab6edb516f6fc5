import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatVerifierKey, parseSignerKey } from '../src/core/ledger/signed-note.ts';
import { nodeCrypto } from '../src/platform/node-crypto.ts';
import { DIALECTS, scratchLocation } from './helpers/databases.ts';
import { repoRoot, runCliIn } from './helpers/run-cli.ts';

const NOV = join(repoRoot, 'examples/agreements/nov-2023-pause.yaml');
const NOV_SHA = createHash('sha256').update(readFileSync(NOV)).digest('hex');
const SETUP = '2023-11-22T12:00:00+02:00';

describe.each(DIALECTS)(
  'truce record and import check events against the adopted agreement, on %s',
  (dialect) => {
    let dir: string;
    let db: string;
    let remove: () => Promise<void>;
    const truce = (...args: string[]) => runCliIn(dir, ...args, '--database', db);
    const size = async () => JSON.parse((await truce('log', 'show', '--json')).stdout).size as number;

    beforeEach(async () => {
      dir = mkdtempSync(join(tmpdir(), 'truce-fit-'));
      const scratch = await scratchLocation(dialect);
      db = dialect === 'sqlite' ? join(dir, 'truce.db') : scratch.location;
      remove = scratch.remove;
      for (const name of ['operator', 'monitor', 'hamas', 'israel'])
        expect((await runCliIn(dir, 'keygen', name, '--out', `keys/${name}.key`)).status).toBe(0);
      const init = await truce('log', 'init', NOV, '--key', 'keys/operator.key', '--occurred-at', SETUP);
      expect(init.stderr).toBe('');
      for (const [actor, role] of [
        ['monitor', 'monitor'],
        ['hamas', 'party'],
        ['israel', 'party'],
      ] as const) {
        const key = parseSignerKey(nodeCrypto, readFileSync(join(dir, `keys/${actor}.key`), 'utf8').trim());
        const r = await truce(
          'record',
          'actor.registered',
          '--key',
          'keys/operator.key',
          '--occurred-at',
          SETUP,
          '--body',
          JSON.stringify({
            actor,
            name: actor,
            role,
            key: formatVerifierKey(key),
            ...(role === 'party' ? { party: actor } : {}),
          }),
        );
        expect(r.stderr).toBe('');
      }
    });
    afterEach(async () => {
      rmSync(dir, { recursive: true, force: true });
      await remove();
    });

    it('log init --occurred-at dates the genesis in the past; it is recorded now', async () => {
      const shown = JSON.parse((await truce('log', 'show', '--json')).stdout) as {
        events: { event: { kind: string; occurredAt: string; recordedAt: string } }[];
      };
      const [operator, adopted] = shown.events.map((e) => e.event);
      expect([operator!.kind, adopted!.kind]).toEqual(['actor.registered', 'agreement.adopted']);
      for (const e of [operator!, adopted!]) {
        expect(e.occurredAt).toBe(SETUP);
        expect(Date.parse(e.recordedAt)).toBeGreaterThan(Date.parse('2024-01-01T00:00:00Z'));
      }
      const bad = await truce(
        'log',
        'init',
        NOV,
        '--key',
        'keys/operator.key',
        '--occurred-at',
        '22 Nov 2023',
      );
      expect(bad.status).toBe(2);
      expect(bad.stderr).toMatch(/--occurred-at "22 Nov 2023": give a date-time with its offset/);
    });

    it('refuses what does not fit, naming the field and what would fit, and stores nothing', async () => {
      const before = await size();
      const aid = await truce(
        'record',
        'aid.delivered',
        '--key',
        'keys/monitor.key',
        '--agreement',
        NOV,
        '--body',
        '{"provision":"aid-fuel","date":"2023-11-25","quantity":50,"unit":"truck"}',
      );
      expect(aid.status).toBe(1);
      expect(aid.stderr).toBe(
        'aid.delivered: provision "aid-fuel" is not in the agreement; aid provisions: aid.\n',
      );
      const received = await truce(
        'record',
        'handover.completed',
        '--key',
        'keys/israel.key',
        '--agreement',
        NOV,
        '--body',
        '{"provision":"exchange","batch":1,"count":13,"to":"israel","via":"icrc"}',
      );
      expect(received.status).toBe(1);
      expect(received.stderr).toMatch(
        /^handover\.completed: actor "israel" acts for israel, the receiving side \(to: israel\): a handover is recorded by the side that hands it over \(hamas\)/,
      );
      const kind = await truce(
        'record',
        'talks.started',
        '--key',
        'keys/monitor.key',
        '--agreement',
        NOV,
        '--field',
        'provision=exchange',
      );
      expect(kind.stderr).toBe(
        'talks.started: provision "exchange" is an exchange provision, and talks.started is recorded on a negotiation provision; the agreement has none.\n',
      );
      expect(await size()).toBe(before);
    });

    it('records what fits, and says what it was checked against', async () => {
      const r = await truce(
        'record',
        'handover.completed',
        '--key',
        'keys/hamas.key',
        '--agreement',
        NOV,
        '--occurred-at',
        '2023-11-24T16:00:00+02:00',
        '--body',
        '{"provision":"exchange","batch":1,"count":13,"to":"israel","via":"icrc"}',
        '--json',
      );
      expect(r.stderr).toBe('');
      expect(JSON.parse(r.stdout)).toMatchObject({
        duplicate: false,
        checkedAgainst: { agreement: 'nov-2023-pause', sha256: NOV_SHA },
      });
    });

    it('without the adopted text at hand, only the structural checks apply, and it says so', async () => {
      const r = await truce('record', 'statement', '--key', 'keys/monitor.key', '--field', 'text=hello');
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/structural checks only: .*\(give it with --agreement FILE\)/);
      writeFileSync(join(dir, 'other.yaml'), `${readFileSync(NOV, 'utf8')}\n# another text\n`);
      const wrong = await truce(
        'record',
        'statement',
        '--key',
        'keys/monitor.key',
        '--agreement',
        'other.yaml',
        '--field',
        'text=hello',
      );
      expect(wrong.status).toBe(1);
      expect(wrong.stderr).toMatch(/^other\.yaml is not the text log "nov-2023-pause" adopted/);
    });

    it('a CSV row that does not fit imports nothing and is named by its row', async () => {
      const before = await size();
      writeFileSync(
        join(dir, 'aid.csv'),
        'kind,occurred_at,provision,date,quantity,unit\n' +
          'aid.delivered,2023-11-25T20:00:00+02:00,aid,2023-11-25,50,truck\n' +
          'aid.delivered,2023-11-26T20:00:00+02:00,aid-fuel,2023-11-26,50,truck\n',
      );
      const r = await truce('import', 'aid.csv', '--key', 'keys/monitor.key', '--agreement', NOV);
      expect(r.status).toBe(1);
      expect(r.stderr).toBe(
        'aid.csv:3:3: column "provision": aid.delivered: provision "aid-fuel" is not in the agreement; aid provisions: aid. Nothing was imported.\n',
      );
      expect(await size()).toBe(before);
    });

    it('truce import DIR judges the exported events against the adopted text: one that does not fit imports nothing', async () => {
      // Recorded where the adopted text was not at hand: only the structural checks applied.
      const r = await truce(
        'record',
        'aid.delivered',
        '--key',
        'keys/monitor.key',
        '--body',
        '{"provision":"aid-fuel","date":"2023-11-25","quantity":50,"unit":"truck"}',
      );
      expect(r.status).toBe(0);
      const index = await size();
      expect((await truce('export', '--out', 'exp')).status).toBe(0);
      const other = join(dir, 'other.db');
      const refused = await runCliIn(dir, 'import', 'exp', '--database', other, '--agreement', NOV);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(
        new RegExp(
          `exp/events\\.jsonl:${index}: aid\\.delivered: provision "aid-fuel" is not in the agreement; aid provisions: aid\\. Nothing was imported\\.`,
        ),
      );
      const logs = await runCliIn(dir, 'log', 'show', '--database', other, '--json');
      expect(logs.stderr).toMatch(/The database has no log yet/);
      // Without the text at hand, the export imports as it was recorded.
      const kept = await runCliIn(dir, 'import', 'exp', '--database', other, '--json');
      expect(JSON.parse(kept.stdout)).toMatchObject({ added: index });
    });
  },
);
