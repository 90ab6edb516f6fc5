import { readFileSync } from 'node:fs';
import { parseAgreement } from '../../../src/core/agreement/parse-agreement.ts';
import type { Agreement } from '../../../src/core/agreement/types.ts';
import { evaluate } from '../../../src/core/compliance/index.ts';
import type { Evaluation, LoggedEvent } from '../../../src/core/compliance/types.ts';
import { toHex } from '../../../src/core/crypto/crypto.ts';
import { canonicalBytes } from '../../../src/core/ledger/canonical-json.ts';
import type { SignedEvent } from '../../../src/core/ledger/event.ts';
import { leafHash } from '../../../src/core/ledger/merkle.ts';
import { planAgreement } from '../../../src/core/plan/plan-agreement.ts';
import type { Plan } from '../../../src/core/plan/types.ts';
import { nodeCrypto } from '../../../src/platform/node-crypto.ts';

const root = new URL('../../../', import.meta.url);

/** An agreement of examples/agreements, parsed and planned. */
export function exampleAgreement(id: string): { agreement: Agreement; plan: Plan } {
  const parsed = parseAgreement(
    readFileSync(new URL(`examples/agreements/${id}.yaml`, root), 'utf8'),
    `${id}.yaml`,
  );
  if (!parsed.ok) throw new Error(`examples/agreements/${id}.yaml does not parse`);
  return { agreement: parsed.agreement, plan: planAgreement(parsed.agreement) };
}

/**
 * The Nov 2023 pause of examples/: its agreement, plan and log, evaluated as the server does;
 * `edit` may change an event's body first (an approximate figure, a number not disclosed).
 */
export function nov2023(edit?: (event: SignedEvent['event']) => SignedEvent['event']): {
  agreement: Agreement;
  plan: Plan;
  evaluate(at: string): Evaluation;
} {
  const parsed = parseAgreement(
    readFileSync(new URL('examples/agreements/nov-2023-pause.yaml', root), 'utf8'),
    'nov-2023-pause.yaml',
  );
  if (!parsed.ok) throw new Error('examples/agreements/nov-2023-pause.yaml does not parse');
  const events: LoggedEvent[] = readFileSync(
    new URL('examples/logs/nov-2023-pause/events.jsonl', root),
    'utf8',
  )
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const read = JSON.parse(line) as SignedEvent;
      const event = edit ? { ...read, event: edit(read.event) } : read;
      return { event, leafHash: toHex(leafHash(nodeCrypto.sha256, canonicalBytes(event))) };
    });
  const agreement = parsed.agreement;
  return { agreement, plan: planAgreement(agreement), evaluate: (at) => evaluate(agreement, events, at) };
}
