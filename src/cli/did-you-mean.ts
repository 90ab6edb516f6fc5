/**
 * Edit distance between two words, counting a swap of two neighbouring letters as one edit
 * (optimal string alignment): "jsno" is one edit from "json".
 */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      }
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The candidate a mistyped `word` most likely meant: the only one it begins (`--data` for
 * `--database`), else the nearest within a third of its length in edits (at least one), ties
 * going to the first candidate; undefined when nothing is that close.
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  const prefixed = candidates.filter((c) => c.toLowerCase().startsWith(w));
  if (w.length >= 2 && prefixed.length === 1) return prefixed[0];
  const limit = Math.max(1, Math.floor(w.length / 3));
  let best: { candidate: string; distance: number } | undefined;
  for (const c of candidates) {
    const distance = editDistance(w, c.toLowerCase());
    if (distance <= limit && (!best || distance < best.distance)) best = { candidate: c, distance };
  }
  return best?.candidate;
}

/**
 * Words people say for a command that is named otherwise: "check" an agreement is `validate` it.
 * Each word leads to a command only where no command has that name.
 */
export const COMMAND_SYNONYMS: Readonly<Record<string, string>> = {
  check: 'validate',
  lint: 'validate',
  compare: 'diff',
  init: 'log init',
  append: 'record',
  add: 'record',
  audit: 'verify',
  start: 'serve',
  server: 'serve',
};

/**
 * The command a mistyped or misnamed `word` most likely meant: its synonym (`check` for
 * `validate`), else the nearest name (didYouMean); undefined when nothing is that close.
 */
export function didYouMeanCommand(word: string, commands: readonly string[]): string | undefined {
  const synonym = Object.hasOwn(COMMAND_SYNONYMS, word.toLowerCase())
    ? COMMAND_SYNONYMS[word.toLowerCase()]
    : undefined;
  if (synonym !== undefined && commands.includes(synonym)) return synonym;
  return didYouMean(word, commands);
}
