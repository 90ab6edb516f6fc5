import type { Path } from './agreement-error.ts';
import type { Agreement, Party, Phase, Provision } from './types.ts';

/** One problem found by a semantic check, before it is located in the file. */
export interface Finding {
  code: string;
  message: string;
  path: Path;
  expected?: string;
  /** A warning does not make the agreement invalid. */
  warning?: boolean;
  /** Information for the reader (sources that disagree): nothing to fix. */
  info?: boolean;
}

/** What every check needs: the agreement, lookups by id, and a place to put findings. */
export interface CheckContext {
  agreement: Agreement;
  parties: Map<string, Party>;
  phases: Map<string, Phase>;
  provisions: Map<string, Provision>;
  findings: Finding[];
  report(
    code: string,
    message: string,
    path: Path,
    extra?: { expected?: string; warning?: boolean; info?: boolean },
  ): void;
}

/** First occurrence wins, so a duplicate id does not hide the entry it duplicates. */
function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(item.id)) map.set(item.id, item);
  return map;
}

export function checkContext(agreement: Agreement): CheckContext {
  const findings: Finding[] = [];
  return {
    agreement,
    parties: byId(agreement.parties),
    phases: byId(agreement.phases),
    provisions: byId(agreement.provisions),
    findings,
    report(code, message, path, extra = {}) {
      findings.push({ code, message, path, ...extra });
    },
  };
}

/** `"a", "b" and "c"` */
export function listIds(ids: Iterable<string>): string {
  const all = [...ids].map((id) => `"${id}"`);
  if (all.length === 0) return '(none)';
  if (all.length === 1) return all[0]!;
  return `${all.slice(0, -1).join(', ')} and ${all[all.length - 1]}`;
}

/** Reports every id in `items` that an earlier item already used. */
export function checkUnique(
  ctx: CheckContext,
  items: readonly { id: string }[],
  path: Path,
  what: string,
): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first === undefined) seen.set(item.id, i);
    else {
      ctx.report(
        'duplicate-id',
        `Duplicate ${what} id "${item.id}": ${formatIndex(path, first)} already uses it. Give each ${what} its own id.`,
        [...path, i, 'id'],
      );
    }
  });
}

function formatIndex(path: Path, i: number): string {
  return `${String(path[path.length - 1])}[${i}]`;
}
