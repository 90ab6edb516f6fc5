import { type Document, LineCounter, type Node, parseDocument, visit } from 'yaml';
import type { Path } from './agreement-error.ts';
import type { NodeSpan } from './position-index.ts';
import { expandsHugely, readTree } from './yaml-tree.ts';

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

const STACK = /call stack/i;

function problemCode(code: string, message: string): string {
  if (code === 'DUPLICATE_KEY') return 'duplicate-key';
  return STACK.test(message) ? 'too-deep' : 'yaml-syntax';
}

function plainMessage(code: string, message: string): string {
  if (code === 'DUPLICATE_KEY') return 'Duplicate key: each key may appear once in a mapping.';
  if (STACK.test(message)) return 'Nested too deeply to read; an agreement is only a few levels deep.';
  const text = message.replace(/ at line \d+, column \d+:[\s\S]*$/, '').trim();
  return /[.!?]$/.test(text) ? text : `${text}.`;
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
  const out = readTree(doc.contents);
  const pathAt = new Map<number, Path>();
  if (doc.errors.length || expandsHugely(out)) {
    for (const [key, span] of out.spans) pathAt.set(span.key ?? span.value, JSON.parse(key) as Path);
  }
  const problems: YamlProblem[] = doc.errors.map((e) => ({
    code: problemCode(e.code, e.message),
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
  const deep = problems.find((p) => p.code === 'too-deep');
  if (deep) return { ok: false, problems: [deep] };
  if (problems.length) return { ok: false, problems };
  const warnings = doc.warnings.map((w) => ({
    code: 'yaml-warning',
    message: plainMessage(w.code, w.message),
    offset: w.pos[0],
    path: [] as Path,
    warning: true,
  }));
  if (out.problem) return { ok: false, problems: [out.problem] };
  if (expandsHugely(out)) {
    const offset = aliasOffset(doc.contents) ?? 0;
    const count = (n: number) => (n < 1e6 ? String(n) : n.toExponential(1));
    return {
      ok: false,
      problems: [
        {
          code: 'yaml-alias-expansion',
          message: `Anchors and aliases expand this document from ${out.written} to ${count(out.expanded)} nodes; write the repeated parts out or use fewer aliases.`,
          offset,
          path: pathAt.get(offset) ?? [],
        },
      ],
    };
  }
  return { ok: true, value: out.value, spans: out.spans, warnings };
}

/** Where the first alias of the document is written. */
function aliasOffset(contents: unknown): number | undefined {
  let found: number | undefined;
  visit(contents as Node, {
    Alias(_, node) {
      found = node.range?.[0];
      return visit.BREAK;
    },
  });
  return found;
}
