import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_ACTORS, demoKeyFile } from '../examples/logs/demo-key.ts';
import { nobleCrypto } from '../src/core/crypto/noble-crypto.ts';
import { formatVerifierKey, parseSignerKey } from '../src/core/ledger/note-keys.ts';
import { repoRoot } from './helpers/run-cli.ts';

/** The verifier key each actor of the demo log was registered with. */
function registered(): Map<string, string> {
  const out = new Map<string, string>();
  const lines = readFileSync(join(repoRoot, 'examples', 'logs', 'nov-2023-pause', 'events.jsonl'), 'utf8');
  for (const line of lines.split('\n').filter(Boolean)) {
    const { event } = JSON.parse(line) as { event: { kind: string; body: { actor: string; key: string } } };
    if (event.kind === 'actor.registered') out.set(event.body.actor, event.body.key);
  }
  return out;
}

describe('the demo keys of docs/dashboard.md (trying the workspace locally)', () => {
  it('give each demo actor the private key of the verifier key the demo log registered for it', () => {
    const keys = registered();
    for (const actor of DEMO_ACTORS) {
      const file = demoKeyFile(actor)!;
      const signer = parseSignerKey(nobleCrypto, file.trim());
      expect(formatVerifierKey(signer), actor).toBe(keys.get(actor));
    }
  });

  it('give no key for a name that is not a demo actor (nor the operator or a witness)', () => {
    expect(demoKeyFile('operator')).toBeNull();
    expect(demoKeyFile('monitor-witness')).toBeNull();
  });
});
