import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './run-cli.ts';

/**
 * The small test agreement with the parties of the ledger fixture: its releasing side "b" is
 * "party-a" and its other side "a" is "party-b", so that the fixture's actors act for parties the
 * agreement has (party-a hands over to party-b through icrc).
 */
export function fixtureParties(minimal: string): string {
  const to: Record<string, string> = { a: 'party-b', b: 'party-a' };
  return minimal.replace(/(?<=(?:id|party|to): |\[|, )(a|b)(?=$|,|\])/gm, (id) => to[id]!);
}

/**
 * An agreements folder holding the small test agreement under the id `logId` (with the parties
 * of the ledger fixture), with `extra` YAML appended (a disclosure, say), and the
 * agreement.adopted body that adopts it by hash.
 */
export function agreementFolder(logId: string, extra = '') {
  const dir = mkdtempSync(join(tmpdir(), 'truce-agreements-'));
  const minimal = readFileSync(join(repoRoot, 'test/fixtures/agreements-good/minimal.yaml'), 'utf8');
  const text = `${fixtureParties(minimal).replace('id: test-minimal', `id: ${logId}`)}${extra}`;
  writeFileSync(join(dir, `${logId}.yaml`), text);
  return {
    dir,
    adopted: {
      agreement: logId,
      version: 1,
      sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
