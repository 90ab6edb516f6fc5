import type { Agreement, ProvisionOf } from '../agreement/types.ts';
import { scheduleBatches } from '../plan/batches.ts';

/**
 * The highest batch number an exchange can have under its agreement, extensions included; null
 * when the agreement does not bound it (no cadence, an open phase, an extension without a
 * maximum), and then any batch from 1 fits.
 */
export function lastBatch(agreement: Agreement, exchange: ProvisionOf<'exchange'>): number | null {
  const phase = agreement.phases.find((p) => p.id === exchange.phase);
  if (!phase || exchange.release.cadence === undefined) return null;
  const length = phase.lengthDays ?? null;
  const cadence = exchange.release.cadence;
  const scheduled = typeof cadence === 'object' && 'schedule' in cadence;
  if (length === null && !scheduled) return null;
  let extra = 0;
  if (phase.extension) {
    if (phase.extension.maxDays === undefined || length === null) return null;
    extra = phase.extension.maxDays;
  }
  const n = scheduleBatches(exchange.release, length, phase, extra).length;
  return n > 0 ? n : null;
}
