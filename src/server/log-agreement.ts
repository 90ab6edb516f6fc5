import { DEFAULT_DISCLOSURE, type Disclosure } from '../core/agreement/schema/disclosure.ts';
import type { Agreement } from '../core/agreement/types.ts';
import { type Adoption, adoptionAt } from '../core/ledger/text-in-force.ts';
import { adoptions, latestAdoption } from '../store/log-adoption.ts';
import type { CatalogEntry } from './agreement-catalog.ts';
import type { ServerContext } from './context.ts';
import { HttpProblem } from './problem.ts';

/** What a log is judged against: the text its latest agreement.adopted event names by hash. */
export interface LogAgreement {
  agreement: Agreement;
  adoption: Adoption;
  entry: CatalogEntry;
}

/**
 * The disclosure when the log adopted no agreement, or a text this server does not hold: no
 * policy was agreed that this server can read, so names stay embargoed (the other side sees
 * nothing before a confirmed handover, monitors never).
 */
export const STRICTEST_DISCLOSURE: Disclosure = { counterpart: 'on-confirmation', monitors: 'never' };

/**
 * The agreement a log adopted, by the hash in its latest agreement.adopted event (or, with `at`,
 * in the one in force at that moment: a status of a moment before a later text was adopted is
 * judged against the text then in force): never whatever the catalog serves under the log's id
 * now, which anyone allowed to upload could change. Only the log's operator or mediators can record
 * that event (the log's own rules), so only they change it.
 */
export async function logAgreement(ctx: ServerContext, logId: string, at?: string): Promise<LogAgreement> {
  const log = await ctx.store.requireLog(logId);
  const adoption =
    at === undefined
      ? await latestAdoption(ctx.database, log.id, log.size)
      : adoptionAt(await adoptions(ctx.database, log.id, log.size), at);
  return adoptedText(ctx, logId, adoption);
}

/** The text of one adoption of the log, as this server holds it by hash (a problem when it holds none). */
export async function adoptedText(
  ctx: ServerContext,
  logId: string,
  adoption: Adoption | undefined,
): Promise<LogAgreement> {
  if (!adoption) {
    throw new HttpProblem(
      404,
      'agreement-not-found',
      `Log "${logId}" has adopted no agreement (it has no agreement.adopted event), so it cannot be judged: its operator or a mediator uploads the agreement (POST /api/agreements with the log's token) or records agreement.adopted with the text's SHA-256.`,
    );
  }
  const entry = await ctx.catalog.adopted(adoption.agreement, adoption.sha256);
  if (!entry) {
    throw new HttpProblem(
      409,
      'agreement-not-held',
      `Log "${logId}" adopted agreement "${adoption.agreement}" with SHA-256 ${adoption.sha256} (event ${adoption.index}), and this server holds no text with that hash: upload exactly that text (POST /api/agreements), or publish its file with truce serve --agreements DIR.`,
    );
  }
  return { agreement: entry.agreement, adoption, entry };
}

/**
 * Who sees the persons of a log, from the agreement the log adopted (the schema's default when
 * that agreement says nothing of it); the strictest when the log adopted none, or a text this
 * server does not hold.
 */
export async function disclosureOfLog(ctx: ServerContext, logId: string): Promise<Disclosure> {
  try {
    return (await logAgreement(ctx, logId)).agreement.disclosure ?? DEFAULT_DISCLOSURE;
  } catch (e) {
    if (e instanceof HttpProblem && (e.code === 'agreement-not-found' || e.code === 'agreement-not-held'))
      return STRICTEST_DISCLOSURE;
    throw e;
  }
}
