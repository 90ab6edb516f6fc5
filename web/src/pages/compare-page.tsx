import { useEffect, useState } from 'react';
import type { Agreement } from '../../../src/core/agreement/types.ts';
import type { OutcomeGap } from '../../../src/core/compare/outcome-curves.ts';
import type { Phrase } from '../../../src/core/words/phrase.ts';
import { type AgreementSummary, api, type Diff } from '../api.ts';
import { Await } from '../components/common.tsx';
import { ExplanationText } from '../components/explanation.tsx';
import { useI18n } from '../i18n/context.ts';
import type { MessageKey } from '../i18n/messages-en.ts';
import { countScale, dayScale, gappedPath } from '../model/chart-scale.ts';
import { navigate } from '../navigation.tsx';
import { useFetch } from '../use-fetch.ts';

/** Two agreements or proposals side by side: headline terms, outcome curves, every changed term. */
export function ComparePage({ a, b }: { a: string | null; b: string | null }) {
  const { t } = useI18n();
  const list = useFetch('agreements', api.agreements);
  useEffect(() => {
    document.title = `${t('compare.title')} · Truce`;
  }, [t]);
  return (
    <section>
      <h1>{t('compare.title')}</h1>
      <Await loaded={list}>{(agreements) => <Pickers agreements={agreements} a={a} b={b} />}</Await>
      {a && b ? <DiffView a={a} b={b} /> : null}
    </section>
  );
}

function Pickers({
  agreements,
  a,
  b,
}: {
  agreements: AgreementSummary[];
  a: string | null;
  b: string | null;
}) {
  const { t, text } = useI18n();
  const [first, setFirst] = useState(a ?? agreements[0]?.id ?? '');
  const [second, setSecond] = useState(b ?? agreements.find((x) => x.id !== first)?.id ?? '');
  const options = agreements.map((x) => (
    <option key={x.id} value={x.id}>
      {text(x.title)}
    </option>
  ));
  return (
    <form
      className="pickers no-print"
      onSubmit={(e) => {
        e.preventDefault();
        navigate(`/compare?a=${encodeURIComponent(first)}&b=${encodeURIComponent(second)}`);
      }}
    >
      <label>
        {t('compare.pickA')}{' '}
        <select value={first} onChange={(e) => setFirst(e.target.value)}>
          {options}
        </select>
      </label>
      <label>
        {t('compare.pickB')}{' '}
        <select value={second} onChange={(e) => setSecond(e.target.value)}>
          {options}
        </select>
      </label>
      <button type="submit">{t('compare.go')}</button>
    </form>
  );
}

/** The language a comparison's words are in: the one asked for when the server worded them, else English. */
function wordsLang(diff: Diff): { lang: string; dir: 'ltr' | 'rtl' } {
  const l = diff.lang ?? 'en';
  return { lang: l, dir: l === 'en' ? 'ltr' : 'rtl' };
}

function DiffView({ a, b }: { a: string; b: string }) {
  const { t, text, lang } = useI18n();
  // The comparison's codes, and both texts for the names its terms and values use.
  const loaded = useFetch(`diff:${a}:${b}:${lang}`, () =>
    Promise.all([api.diff(a, b, lang), api.agreement(a), api.agreement(b)]),
  );
  return (
    <Await loaded={loaded}>
      {([diff, first, second]) => {
        const words = wordsLang(diff);
        // A term and A's value are named as A names them; B's value as B does.
        const cell = (line: Phrase | undefined, fallback: string, by: Agreement, other: Agreement) =>
          line ? (
            <ExplanationText explanation={[line]} agreement={by} also={other} />
          ) : (
            <span {...words}>{fallback}</span>
          );
        return (
          <>
            <div className="table-scroll">
              <table className="grid compare" data-testid="compare-table">
                <thead>
                  <tr>
                    <th scope="col">{t('compare.term')}</th>
                    <th scope="col">{text(diff.a.title)}</th>
                    <th scope="col">{text(diff.b.title)}</th>
                  </tr>
                </thead>
                <tbody>
                  {diff.summary.map((row) => (
                    <tr key={row.term} className={row.same ? 'same' : 'changed'} data-same={row.same}>
                      <th scope="row">{cell(row.lines?.term, row.text?.term ?? row.term, first, second)}</th>
                      <td>{cell(row.lines?.a, row.text?.a ?? row.a, first, second)}</td>
                      <td>
                        {cell(row.lines?.b, row.text?.b ?? row.b, second, first)}{' '}
                        {row.same ? <span className="muted">({t('compare.same')})</span> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Outcomes diff={diff} />
            <details>
              <summary>
                {t('compare.changes')} ({diff.terms.length})
              </summary>
              <ul>
                {diff.terms.map((term) => (
                  <li key={`${term.path}-${term.change}`}>
                    {cell(term.line, term.text ?? term.label, second, first)}
                  </li>
                ))}
              </ul>
            </details>
          </>
        );
      }}
    </Await>
  );
}

const W = 320;
const H = 160;

const GAP_WORDS: Record<OutcomeGap, MessageKey> = {
  'not-stated': 'compare.notStated',
  'not-scheduled': 'compare.notScheduled',
  'after-end': 'compare.afterEnd',
};

/** The outcome curves of both, one chart per series (solid: first; dashed: second). */
function Outcomes({ diff }: { diff: Diff }) {
  const { t, fmt, text, lang } = useI18n();
  const rtl = lang !== 'en';
  return (
    <section aria-labelledby="outcomes-h">
      <h2 id="outcomes-h">{t('compare.outcomes')}</h2>
      <p className="legend">
        <span className="key key-a" aria-hidden="true" /> {text(diff.a.title)}{' '}
        <span className="key key-b" aria-hidden="true" /> {text(diff.b.title)}
      </p>
      <div className="charts">
        {diff.outcomes.series.map((s) => {
          const last = diff.outcomes.lastDay;
          const max = Math.max(0, ...s.points.flatMap((p) => [p.a ?? 0, p.b ?? 0]));
          const y = countScale(max, [H - 24, 12]);
          const plot: [number, number] = rtl ? [W - 48, 12] : [48, W - 12];
          const x = dayScale(last, plot);
          // A day with no figure is a gap in the line, not a fall to 0.
          const path = (pick: 'a' | 'b') =>
            gappedPath(
              s.points.map((p) => ({ day: p.day, value: p[pick] })),
              x,
              y,
            );
          const end = s.points.at(-1);
          // "none" (not in that text), "not stated", "not scheduled" and "past its last day" are
          // each said as such; only a figure is written as a number.
          const figure = (side: 'a' | 'b') => {
            if (side === 'a' ? s.aNone : s.bNone) return t('common.none');
            const v = end?.[side] ?? null;
            if (v === null) return t(GAP_WORDS[end?.[side === 'a' ? 'aGap' : 'bGap'] ?? 'not-stated']);
            return fmt.number(v);
          };
          const label = `${s.text ?? s.label}: ${figure('a')} / ${figure('b')}`;
          return (
            <figure className="chart" key={s.key}>
              <figcaption {...wordsLang(diff)}>{s.text ?? s.label}</figcaption>
              <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
                <title>{label}</title>
                {y.ticks.map((v) => (
                  <g key={v}>
                    <line className="grid-line" x1={plot[0]} x2={plot[1]} y1={y(v)} y2={y(v)} />
                    <text
                      className="tick"
                      x={rtl ? W - 44 : 44}
                      y={y(v) + 4}
                      textAnchor={rtl ? 'start' : 'end'}
                    >
                      {fmt.compact(v)}
                    </text>
                  </g>
                ))}
                <path className="line-a" d={path('a')} />
                <path className="line-b" d={path('b')} />
              </svg>
              <p className="chart-figures">
                {t('chart.day', { day: last })}: <span data-side="a">{figure('a')}</span> ·{' '}
                <span data-side="b">{figure('b')}</span>
              </p>
            </figure>
          );
        })}
      </div>
    </section>
  );
}
