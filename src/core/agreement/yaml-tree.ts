import { isAlias, isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Path } from './agreement-error.ts';
import { type NodeSpan, pathKey } from './position-index.ts';

export const MAX_DEPTH = 64;
/** Aliases may add at most this many nodes, or as many as the document has, whichever is more. */
export const MIN_ALIAS_ALLOWANCE = 10_000;

/** A YAML document read into plain data, with where every node starts. */
export interface YamlTree {
  value: unknown;
  spans: Map<string, NodeSpan>;
  /** Nodes written in the file, and nodes once every alias is expanded. */
  written: number;
  expanded: number;
  problem?: { code: string; message: string; offset: number; path: Path };
}

interface Built {
  value: unknown;
  size: number;
}

/**
 * Builds the value of a parsed YAML document in one pass in document order. An alias takes the
 * value of the last anchor of that name completed before it, as YAML specifies; the expanded size
 * is counted rather than produced, so a "billion laughs" document is refused cheaply.
 */
export function readTree(contents: unknown): YamlTree {
  const tree: YamlTree = { value: null, spans: new Map(), written: 0, expanded: 0 };
  const anchors = new Map<string, Built>();
  const fail = (code: string, message: string, node: Node, path: Path): Built => {
    tree.problem ??= { code, message, offset: node.range?.[0] ?? 0, path };
    return { value: null, size: 1 };
  };

  const build = (node: Node, path: Path, key: number | undefined, depth: number): Built => {
    const start = node.range?.[0] ?? key ?? 0;
    const empty = isScalar(node) && node.value === null && node.range?.[0] === node.range?.[1];
    tree.spans.set(pathKey(path), key === undefined ? { value: start } : { key, value: empty ? key : start });
    tree.written++;
    if (depth > MAX_DEPTH) return fail('too-deep', `Nested more than ${MAX_DEPTH} levels deep.`, node, path);
    let built: Built;
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (!target) {
        return fail(
          'yaml-syntax',
          `Alias *${node.source} refers to no anchor completed before it.`,
          node,
          path,
        );
      }
      return target;
    }
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      let size = 1;
      for (const pair of node.items) {
        const k = pair.key as Node | null;
        const name = isScalar(k) ? String(k.value) : String(k);
        const keyAt = k?.range?.[0] ?? start;
        const child = [...path, name.normalize('NFC')];
        let v: Built = { value: null, size: 1 };
        if (pair.value) v = build(pair.value as Node, child, keyAt, depth + 1);
        else tree.spans.set(pathKey(child), { key: keyAt, value: keyAt });
        Object.defineProperty(out, name, {
          value: v.value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
        size += v.size;
      }
      built = { value: out, size };
    } else if (isSeq(node)) {
      const out: unknown[] = [];
      let size = 1;
      node.items.forEach((item, i) => {
        const v = item ? build(item as Node, [...path, i], undefined, depth + 1) : { value: null, size: 1 };
        out.push(v.value);
        size += v.size;
      });
      built = { value: out, size };
    } else built = { value: isScalar(node) ? node.value : null, size: 1 };
    if (node.anchor) anchors.set(node.anchor, built);
    return built;
  };

  if (contents) {
    const root = build(contents as Node, [], undefined, 0);
    tree.value = root.value;
    tree.expanded = root.size;
  }
  return tree;
}

/** True when aliases make the document much larger than it is written. */
export function expandsHugely(tree: YamlTree): boolean {
  return tree.expanded - tree.written > Math.max(MIN_ALIAS_ALLOWANCE, tree.written);
}
