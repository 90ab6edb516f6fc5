import { z } from 'zod';
import type { Agreement } from '../core/agreement/types.ts';
import { canonicalBytes } from '../core/ledger/canonical-json.ts';
import type { EventEnvelope } from '../core/ledger/event.ts';
import { english } from '../core/plan/provision-obligations.ts';
import type { AgreementVersion } from '../store/agreement-store.ts';
import { latestAdoption } from '../store/log-adoption.ts';
import type { Principal } from './auth/principal.ts';
import type { ServerContext } from './context.ts';
import { signCustodially } from './custodial.ts';
import { HttpProblem } from './problem.ts';

export const Adoption = z
  .object({
    log: z.string(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    state: z
      .enum(['in-force', 'recorded', 'to-sign'])
      .describe(
        '`in-force`: the log had already adopted this text; `recorded`: the server signed agreement.adopted with the ' +
          "uploader's custodial key and appended it; `to-sign`: sign `event` and append it (POST /api/logs/{log}/events): " +
          'until then the log keeps the text it adopted before.',
      ),
    index: z.int().min(0).optional().describe('The agreement.adopted event in the log (in-force, recorded).'),
    leafHash: z.string().optional().describe('Its leaf hash (recorded).'),
    event: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('The unsigned agreement.adopted event (to-sign).'),
  })
  .describe("The adoption of an adopted version by the log of the agreement's id.");
export type Adoption = z.infer<typeof Adoption>;

/**
 * Refuses an upload of the agreement of a log by a token of another log: only that log's own
 * operator or mediators may give it new rules (the route admits no other role).
 */
export function checkUploaderOfLog(logId: string, principal: Principal): void {
  if (principal.log !== logId) {
    throw new HttpProblem(
      403,
      'agreement-of-another-log',
      `Agreement "${logId}" is the agreement of log "${logId}", and this token is of log ${JSON.stringify(principal.log)}: only the operator or a mediator of log "${logId}" may upload its versions. Upload with a token of that log, or give the agreement another id.`,
    );
  }
}

/**
 * Has the log `logId` adopt a stored version: the adoption is an agreement.adopted event with the
 * version's hash, recorded by the uploader. The server appends it when it holds the uploader's
 * key (truce serve --keys); else it answers the event for the uploader to sign and append.
 */
export async function adoptInLog(
  ctx: ServerContext,
  logId: string,
  principal: Principal,
  version: AgreementVersion,
  agreement: Agreement,
): Promise<Adoption> {
  const current = await latestAdoption(ctx.database, logId);
  if (current?.sha256 === version.sha256 && current.agreement === version.id)
    return { log: logId, sha256: version.sha256, state: 'in-force', index: current.index };
  const now = new Date(ctx.now()).toISOString();
  const title = english(agreement.title);
  const event: EventEnvelope = {
    v: 1,
    log: logId,
    kind: 'agreement.adopted',
    occurredAt: now,
    recordedAt: now,
    actor: principal.actor ?? '',
    body: {
      agreement: version.id,
      version: version.version,
      sha256: version.sha256,
      ...(title ? { title } : {}),
    },
  };
  let signed: Awaited<ReturnType<typeof signCustodially>>;
  try {
    signed = await signCustodially(ctx, logId, principal, event);
  } catch (e) {
    if (e instanceof HttpProblem && e.code === 'custodial-key-missing')
      return { log: logId, sha256: version.sha256, state: 'to-sign', event };
    throw e;
  }
  const [result] = await ctx.store.append(logId, [canonicalBytes(signed)]);
  return {
    log: logId,
    sha256: version.sha256,
    state: 'recorded',
    index: result!.index,
    leafHash: result!.leafHash,
  };
}
