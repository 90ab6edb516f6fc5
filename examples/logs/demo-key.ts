/**
 * DEMO ONLY, for trying the workspace on your own machine: prints the private key of one actor of
 * the demo log (examples/logs/nov-2023-pause), as `truce keygen` writes a key file. Its seed is
 * public (SHA-256 of "truce demo key: <actor>", examples/logs/build-nov-2023.ts), so anyone can
 * sign as this actor: it proves nothing, and must never be used for a real log.
 *
 *   npx node examples/logs/demo-key.ts icrc > /tmp/icrc.demo.key
 */
import { formatSignerKey } from '../../src/core/ledger/note-keys.ts';
import { demoSigner } from './build-nov-2023.ts';

/** The actors of the demo log that sign events (not the operator or the witnesses). */
export const DEMO_ACTORS = ['hamas', 'israel', 'icrc', 'qatar', 'egypt', 'monitor'] as const;

/** The DEMO private key file of an actor of the demo log, or null for another name. */
export function demoKeyFile(actor: string): string | null {
  if (!(DEMO_ACTORS as readonly string[]).includes(actor)) return null;
  return `${formatSignerKey(demoSigner(actor))}\n`;
}

if (import.meta.main) {
  const actor = process.argv[2] ?? '';
  const file = demoKeyFile(actor);
  if (file === null) {
    process.stderr.write(
      `Name an actor of the demo log: ${DEMO_ACTORS.join(', ')}.\n  npx node examples/logs/demo-key.ts icrc > /tmp/icrc.demo.key\n`,
    );
    process.exit(2);
  }
  process.stderr.write(
    `DEMO key of ${actor}: derived from a public seed, for local use only; it proves nothing.\n`,
  );
  process.stdout.write(file);
}
