/**
 * Where a log comes from, as a reader must know it before reading it: whether it was rebuilt
 * afterwards from public reporting rather than recorded as things happened, and whether it is
 * signed with demonstration keys (derived from public seeds, so its signatures prove nothing about
 * who said what). Part of the log's metadata: served by the API, kept by export and import, and
 * shown on every page and report of the log.
 */
export interface Provenance {
  /** Rebuilt afterwards from public reporting, not recorded by the actors as things happened. */
  reconstructed: boolean;
  /** Signed with demonstration keys anyone can derive: the signatures show how the checks work, not who said what. */
  demoKeys: boolean;
}

/** A log recorded as things happened, by its actors' own keys: nothing to warn of. */
export const RECORDED: Provenance = { reconstructed: false, demoKeys: false };

/** Whether a reader must be warned of anything. */
export function needsBanner(p: Provenance): boolean {
  return p.reconstructed || p.demoKeys;
}

/**
 * Reads the `provenance` of an export's log.json (absent means a log recorded as things
 * happened); a value that is not `{reconstructed, demoKeys}` with booleans is an error saying so.
 */
export function parseProvenance(
  value: unknown,
  where: string,
): { ok: true; provenance: Provenance } | { ok: false; message: string } {
  if (value === undefined || value === null) return { ok: true, provenance: RECORDED };
  const v = value as Record<string, unknown>;
  if (
    typeof value !== 'object' ||
    Array.isArray(value) ||
    typeof v.reconstructed !== 'boolean' ||
    typeof v.demoKeys !== 'boolean' ||
    Object.keys(v).some((k) => k !== 'reconstructed' && k !== 'demoKeys')
  ) {
    return {
      ok: false,
      message: `${where}: provenance must be {"reconstructed": true|false, "demoKeys": true|false}.`,
    };
  }
  return { ok: true, provenance: { reconstructed: v.reconstructed, demoKeys: v.demoKeys } };
}

/** Both claims together: once a log is known to be reconstructed or demo-signed, it stays so. */
export function mergeProvenance(a: Provenance, b: Provenance): Provenance {
  return { reconstructed: a.reconstructed || b.reconstructed, demoKeys: a.demoKeys || b.demoKeys };
}

/** The warnings in English, for reports and the CLI (the dashboard has its own, in each language). */
export function provenanceSentences(p: Provenance): string[] {
  const out: string[] = [];
  if (p.reconstructed)
    out.push(
      'This log was reconstructed afterwards from public reporting; it is not a record kept by the parties as events happened.',
    );
  if (p.demoKeys)
    out.push(
      'This log is signed with demonstration keys that anyone can derive: its signatures show how the checks work, not who said what.',
    );
  return out;
}
