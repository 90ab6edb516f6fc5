import { parseAgreement } from '../agreement/parse-agreement.ts';
import type { Agreement } from '../agreement/types.ts';
import type { LoggedEvent } from './types.ts';

/** Test helper: an agreement from YAML text, refusing invalid text. */
export function agreementOf(yaml: string): Agreement {
  const r = parseAgreement(yaml, 'test.yaml');
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.agreement;
}

let counter = 0;

/** Test helper: an event as the evaluator sees it; the hash is a fixed-width counter, the signature unused. */
export function logged(
  actor: string,
  kind: string,
  occurredAt: string,
  body: Record<string, unknown>,
  source?: string,
): LoggedEvent {
  counter++;
  return {
    leafHash: counter.toString(16).padStart(64, '0'),
    event: {
      event: {
        v: 1,
        log: 'test',
        kind,
        occurredAt,
        recordedAt: occurredAt,
        actor,
        body,
        ...(source ? { source: { name: source } } : {}),
      },
      signature: { key: `${actor}+00000000`, sig: 'AA==' },
    },
  };
}

/** The actors of a test log: an operator, two parties, a mediator, an intermediary. */
export function actors(): LoggedEvent[] {
  const at = '2024-01-01T00:00:00+02:00';
  const reg = (actor: string, role: string, party?: string) =>
    logged('op', 'actor.registered', at, {
      actor,
      name: actor,
      role,
      key: `${actor}+0`,
      ...(party ? { party } : {}),
    });
  return [
    reg('op', 'operator'),
    reg('a', 'party', 'a'),
    reg('b', 'party', 'b'),
    reg('med', 'mediator', 'med'),
    reg('red', 'intermediary', 'red'),
  ];
}
