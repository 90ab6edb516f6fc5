import { type Document, isAlias, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { Path } from './agreement-error.ts';
import { type NodeSpan, pathKey } from './position-index.ts';

/** A problem in YAML text, at a character offset. */
export interface YamlProblem {
  code: string;
  message: string;
  offset: number;
  path: Path;
  warning?: boolean;
}

export type YamlSource =
  | { ok: true; value: unknown; spans: Map<string, NodeSpan>; warnings: YamlProblem[] }
  | { ok: false; problems: YamlProblem[] };

/** Alias expansion beyond this many nodes is refused (the "billion laughs" attack). */
export const MAX_ALIAS_COUNT = 100;
const MAX_DEPTH = 64;

function problemCode(code: string): string {
  if (code === 'DUPLICATE_KEY') return 'duplicate-key';
  return 'yaml-syntax';
}

function plainMessage(code: string, message: string): string {
  if (code === 'DUPLICATE_KEY') return 'Duplicate key: each key may appear once in a mapping.';
  const text = message.replace(/ at line \d+, column \d+:[\s\S]*$/, '').trim();
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

interface Walk {
  spans: Map<string, NodeSpan>;
  aliases: { node: Node; path: Path }[];
  tooDeep?: { offset: number; path: Path };
}

function walk(node: unknown, path: Path, key: number | undefined, out: Walk, depth: number): void {
  if (!node || typeof node !== 'object' || !('range' in node)) return;
  const n = node as Node;
  const start = n.range?.[0] ?? 0;
  const empty = isScalar(n) && n.value === null && n.range && n.range[0] === n.range[1];
  out.spans.set(pathKey(path), key === undefined ? { value: start } : { key, value: empty ? key : start });
  if (depth > MAX_DEPTH) {
    out.tooDeep ??= { offset: start, path };
    return;
  }
  if (isAlias(n)) out.aliases.push({ node: n, path });
  else if (isMap(n)) {
    for (const pair of n.items) {
      const k = pair.key;
      const name = isScalar(k) ? String(k.value) : String(k);
      const keyAt = isScalar(k) || isMap(k) || isSeq(k) ? (k.range?.[0] ?? start) : start;
      const child = [...path, name.normalize('NFC')];
      if (pair.value === null || pair.value === undefined)
        out.spans.set(pathKey(child), { key: keyAt, value: keyAt });
      else walk(pair.value, child, keyAt, out, depth + 1);
    }
  } else if (isSeq(n)) {
    n.items.forEach((item, i) => {
      walk(item, [...path, i], undefined, out, depth + 1);
    });
  }
}

/** Reads one YAML 1.2 document, recording where every key and value starts. */
export function readYaml(text: string): YamlSource {
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, version: '1.2' });
  } catch (e) {
    return {
      ok: false,
      problems: [
        {
          code: 'yaml-syntax',
          message: `The file cannot be read as YAML: ${(e as Error).message}`,
          offset: 0,
          path: [],
        },
      ],
    };
  }
  const out: Walk = { spans: new Map(), aliases: [] };
  walk(doc.contents, [], undefined, out, 0);
  const pathAt = new Map<number, Path>();
  for (const [key, span] of out.spans) pathAt.set(span.key ?? span.value, JSON.parse(key) as Path);
  const problems: YamlProblem[] = doc.errors.map((e) => ({
    code: problemCode(e.code),
    message: plainMessage(e.code, e.message),
    offset: e.pos[0],
    path: e.code === 'DUPLICATE_KEY' ? (pathAt.get(e.pos[0]) ?? []) : [],
  }));
  if (doc.directives?.yaml.explicit && doc.directives.yaml.version !== '1.2') {
    problems.push({
      code: 'yaml-version',
      message: `Only YAML 1.2 is accepted; remove the %YAML ${doc.directives.yaml.version} directive.`,
      offset: Math.max(0, text.indexOf('%YAML')),
      path: [],
    });
  }
  if (problems.length) return { ok: false, problems };
  const warnings = doc.warnings.map((w) => ({
    code: 'yaml-warning',
    message: plainMessage(w.code, w.message),
    offset: w.pos[0],
    path: [] as Path,
    warning: true,
  }));
  if (out.tooDeep) {
    return {
      ok: false,
      problems: [{ code: 'too-deep', message: `Nested more than ${MAX_DEPTH} levels deep.`, ...out.tooDeep }],
    };
  }
  for (const a of out.aliases) {
    if (isAlias(a.node) && !a.node.resolve(doc)) {
      const offset = a.node.range?.[0] ?? 0;
      return {
        ok: false,
        problems: [
          {
            code: 'yaml-syntax',
            message: `Alias *${a.node.source} refers to no anchor defined before it.`,
            offset,
            path: a.path,
          },
        ],
      };
    }
  }
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), spans: out.spans, warnings };
  } catch (e) {
    const first = out.aliases[0];
    const excessive = /alias count/i.test((e as Error).message);
    return {
      ok: false,
      problems: [
        {
          code: excessive ? 'yaml-alias-expansion' : 'yaml-syntax',
          message: excessive
            ? `Anchors and aliases expand to too large a document (more than ${MAX_ALIAS_COUNT} aliased nodes); write the repeated parts out or use fewer aliases.`
            : `The file cannot be read as YAML: ${(e as Error).message}`,
          offset: first?.node.range?.[0] ?? 0,
          path: first?.path ?? [],
        },
      ],
    };
  }
}
