/**
 * "1 checkpoint", "2 checkpoints", "0 events": a count and its English noun in the form the number
 * asks for, for the commands whose text output is in English only (verify, export, import, log).
 * The words a reader reads in their language count with `formatQuantity` (core/words/render.ts).
 */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
