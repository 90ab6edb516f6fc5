import type { ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { toBase64 } from '../src/core/crypto/crypto.ts';
import { verifyCosignature } from '../src/core/ledger/cosignature.ts';
import {
  ALG_COSIGNATURE_V1,
  formatSignerKey,
  formatVerifierKey,
  generateSigner,
  parseVerifierKey,
  splitNote,
} from '../src/core/ledger/signed-note.ts';
import { crypto } from './helpers/ledger-fixture.ts';
import { runCli } from './helpers/run-cli.ts';
import { spawnServe } from './helpers/serve-process.ts';

const witness = generateSigner(crypto, 'witness.example/w1', ALG_COSIGNATURE_V1);
const secrets = [formatSignerKey(witness), toBase64(witness.seed)];

describe('truce serve --keys', () => {
  const dir = mkdtempSync(join(tmpdir(), 'truce-serve-keys-'));
  const keys = join(dir, 'keys');
  mkdirSync(keys, { mode: 0o700 });
  chmodSync(keys, 0o700);
  const keyFile = join(keys, 'w1.key');
  writeFileSync(keyFile, `${formatSignerKey(witness)}\n`, { mode: 0o600 });
  chmodSync(keyFile, 0o600);
  let child: ChildProcess | undefined;
  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses to start with a key file others may read, naming it, without printing the key (exit 1)', async () => {
    chmodSync(keyFile, 0o644);
    try {
      const r = await runCli('serve', '--keys', keys, '--database', join(dir, 'refused.db'), '--port', '0');
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(keyFile);
      expect(r.stderr).toContain('too open');
      expect(r.stderr).toContain(`chmod 600 ${keyFile}`);
      for (const s of secrets) expect(r.stdout + r.stderr).not.toContain(s);
    } finally {
      chmodSync(keyFile, 0o600);
    }
    const usage = await runCli('serve', '--checkpoint-every', '10', '--database', join(dir, 'refused.db'));
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('--keys');
    const follow = join(dir, 'follow.json');
    writeFileSync(follow, '[{"origin": "other.example/log"}]');
    const bad = await runCli('serve', '--witness-follow', follow, '--database', join(dir, 'refused.db'));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(follow);
    expect(bad.stderr).toContain('[{"origin": "ORIGIN LINE", "logKey": "name+hash+base64"}');
  });

  it('with TRUCE_KEYS holding a witness key, cosigns the demo log over HTTP (add-checkpoint)', async () => {
    const served = spawnServe(['--port', '0', '--database', join(dir, 'truce.db'), '--demo'], {
      TRUCE_KEYS: keys,
    });
    child = served.child;
    const printed: Record<string, string>[] = [await served.next()];
    while (!printed.at(-1)!.listening) printed.push(await served.next());
    const listening = printed.at(-1)!.listening!;
    expect(printed[0]).toEqual({ keys: '1', witnessKeys: '1' });
    const note = await (await fetch(`${listening}/api/logs/nov-2023-pause/checkpoint`)).text();
    const r = await fetch(`${listening}/api/witness/add-checkpoint`, {
      method: 'POST',
      body: `old 0\n\n${note}`,
    });
    const body = await r.text();
    expect(r.status, body).toBe(200);
    const { text } = splitNote(note);
    const sig = splitNote(`${text}\n${body}`).signatures[0]!;
    const time = verifyCosignature(crypto, parseVerifierKey(crypto, formatVerifierKey(witness)), text, sig);
    expect(Math.abs(time - Date.now() / 1000)).toBeLessThan(60);
    const again = await fetch(`${listening}/api/witness/add-checkpoint`, {
      method: 'POST',
      body: `old 0\n\n${note}`,
    });
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toBe('text/x.tlog.size');
    expect(await again.text()).toBe(`${splitNote(note).text.split('\n')[1]}\n`);
    child.kill('SIGTERM');
    expect(await served.exited).toBe(0);
    for (const s of secrets) expect(JSON.stringify(printed) + served.stderr()).not.toContain(s);
  });
});
