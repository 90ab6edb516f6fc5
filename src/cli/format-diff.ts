import type { ComparedSide } from '../core/compare/compare-agreements.ts';
import type { ComparisonInWords as Comparison } from '../core/compare/comparison-in-words.ts';
import type { TermChange } from '../core/compare/diff-terms.ts';
import type { OutcomeGap } from '../core/compare/outcome-curves.ts';
import { english } from '../core/plan/provision-obligations.ts';

type Align = 'left' | 'right';

/** Lays out rows in columns padded to the widest cell; trailing spaces trimmed. */
function columns(rows: string[][], align: Align[], indent = '  '): string[] {
  const widths = align.map((_, i) => Math.max(0, ...rows.map((r) => [...(r[i] ?? '')].length)));
  return rows.map((r) =>
    `${indent}${r
      .map((cell, i) => {
        const pad = ' '.repeat(widths[i]! - [...cell].length);
        return align[i] === 'right' ? pad + cell : cell + pad;
      })
      .join('  ')}`.trimEnd(),
  );
}

function sideLine(name: string, s: ComparedSide): string {
  return `${name}: ${english(s.title)} — ${s.kind} ${s.id}, version ${s.version}`;
}

const MARK: Record<TermChange['change'], string> = { added: '+', removed: '-', changed: '~' };

function summaryLines(c: Comparison): string[] {
  const differ = c.summary.filter((r) => !r.same).length;
  const head = `Headline terms (${differ === 0 ? 'all the same' : `${differ} of ${c.summary.length} differ, marked ≠`})`;
  const rows = [
    ['', 'term', 'A', 'B'],
    ...c.summary.map((r) => [r.same ? '' : '≠', r.text.term, r.text.a, r.text.b]),
  ];
  return [head, ...columns(rows, ['left', 'left', 'left', 'left'])];
}

function termLines(terms: Comparison['terms']): string[] {
  if (terms.length === 0) return ['Term by term: no differences'];
  const n = terms.length;
  return [
    `Term by term (${n} change${n === 1 ? '' : 's'})`,
    ...terms.map((t) => `  ${MARK[t.change]} ${t.text}`),
  ];
}

/** Day 1, every `every`-th day, and the last day. */
export function reportDays(lastDay: number, every: number): number[] {
  if (lastDay < 1) return [];
  const step = Math.max(1, Math.floor(every));
  const days = new Set([1]);
  for (let d = step; d < lastDay; d += step) days.add(d);
  days.add(lastDay);
  return [...days].sort((a, b) => a - b);
}

/** Why a figure is missing, each its own mark: "not stated" is not "none". */
const GAP_MARK: Record<OutcomeGap, string> = { 'not-stated': '?', 'not-scheduled': '~', 'after-end': '—' };

function cell(
  value: number | null,
  max: number | null | undefined,
  atLeast: boolean | undefined,
  gap: OutcomeGap | undefined,
  none: boolean | undefined,
): string {
  if (value === null) return GAP_MARK[gap ?? 'not-stated'];
  if (none) return 'none';
  if (max !== undefined && max !== null && max !== value) return `${value}–${max}`;
  return `${atLeast && value > 0 ? '≥' : ''}${value}`;
}

function outcomeLines(curves: Comparison['outcomes'], every: number): string[] {
  const days = reportDays(curves.lastDay, every);
  if (curves.series.length === 0 || days.length === 0)
    return ['Outcomes: no quantities planned under either'];
  const body = days.map((day) =>
    curves.series.map((s) => {
      const p = s.points[day - 1]!;
      return [
        cell(p.a, p.aMax, s.aAtLeast, p.aGap, s.aNone),
        cell(p.b, p.bMax, s.bAtLeast, p.bGap, s.bNone),
      ] as const;
    }),
  );
  const dayWidth = Math.max(3, ...days.map((d) => String(d).length));
  // Each series heads two columns, A and B; B widens so that the label fits above both.
  const widths = curves.series.map((s, k) => {
    const a = Math.max(1, ...body.map((r) => r[k]![0].length));
    const b = Math.max(1, ...body.map((r) => r[k]![1].length));
    return [a, Math.max(b, s.text.length - a - 2)] as const;
  });
  const line = (first: string, cells: (k: number, w: readonly [number, number]) => string) =>
    `  ${[first.padStart(dayWidth), ...widths.map((w, k) => cells(k, w))].join('    ')}`.trimEnd();
  return [
    'Outcomes by day (cumulative; a–b is a range, ≥ a floor, ? not stated, ~ stated but not scheduled, none: not in that plan, — past its last day)',
    line('', (k, [a, b]) => curves.series[k]!.text.padStart(a + 2 + b)),
    line('day', (_, [a, b]) => `${'A'.padStart(a)}  ${'B'.padStart(b)}`),
    ...days.map((day, i) =>
      line(String(day), (k, [a, b]) => `${body[i]![k]![0].padStart(a)}  ${body[i]![k]![1].padStart(b)}`),
    ),
  ];
}

/** A comparison for a terminal: headline terms side by side, each term change, outcomes by day. */
export function formatComparisonText(c: Comparison, opts: { every?: number } = {}): string {
  const open = (name: string, o: { plannedTo: number } | null) =>
    o
      ? [
          `${name} has a phase with no fixed end: its daily terms are planned to day ${o.plannedTo}, the horizon of this comparison, not an end agreed in the text.`,
        ]
      : [];
  const parts = [
    [sideLine('A', c.a), sideLine('B', c.b), ...open('A', c.openEnded.a), ...open('B', c.openEnded.b)],
    summaryLines(c),
    termLines(c.terms),
    outcomeLines(c.outcomes, opts.every ?? 7),
  ];
  return `${parts.map((p) => p.join('\n')).join('\n\n')}\n`;
}
