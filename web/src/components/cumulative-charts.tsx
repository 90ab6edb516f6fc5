import type { AgreementData } from '../agreement-data.ts';
import { useI18n } from '../i18n/context.ts';
import type { MessageKey } from '../i18n/messages-en.ts';
import { Rich } from '../i18n/rich.tsx';
import { addDays, dateIn } from '../model/calendar.ts';
import { countScale, cumulativePath, dayScale, gappedPath } from '../model/chart-scale.ts';
import {
  type CumulativeSeries,
  cumulativeSeries,
  type DoneOnItsDay,
  plannedSeries,
} from '../model/series.ts';
import { Cite } from './cite.tsx';
import { Approximate, heldTerm, termLabel, usePartyName } from './common.tsx';

const W = 320;
const H = 160;
const PAD = { top: 12, right: 12, bottom: 24, left: 48 };

/** What the exchange charts draw done on the day it was done: the evaluation's counts by day. */
function doneOnItsDay(data: AgreementData): DoneOnItsDay | undefined {
  const { plan, evaluation } = data;
  if (!evaluation || !plan.start) return undefined;
  const start = dateIn(new Date(plan.start), plan.timeZone);
  return {
    directions: evaluation.exchanges.directions,
    dateOf: (day) => addDays(start, day - 1),
    asOf: dateIn(new Date(evaluation.asOf), plan.timeZone),
  };
}

/** Promised against done, summed day by day, one small chart per side and per quota (inline SVG). */
export function CumulativeCharts({ data }: { data: AgreementData }) {
  const { t } = useI18n();
  const series = data.evaluation
    ? cumulativeSeries(data.evaluation.obligations, doneOnItsDay(data))
    : plannedSeries(data.plan);
  if (series.length === 0) return null;
  const recorded = data.evaluation !== null;
  const marked = (mark: 'approximate' | 'undisclosed') =>
    series.some((s) => s.recorded && s.points.some((p) => p[mark]));
  return (
    <section aria-labelledby="charts-h">
      <h2 id="charts-h">{t('agreement.charts')}</h2>
      <p className="legend">
        <span className="key key-promised" aria-hidden="true" /> {t('chart.promised')}{' '}
        {recorded ? (
          <>
            <span className="key key-done" aria-hidden="true" /> {t('chart.done')}
          </>
        ) : (
          <span className="muted">· {t('home.noLog')}</span>
        )}
      </p>
      {marked('approximate') ? (
        <p className="legend" data-testid="legend-approximate">
          <MarkKey mark="approximate" /> {t('chart.legendApproximate')}
        </p>
      ) : null}
      {marked('undisclosed') ? (
        <p className="legend" data-testid="legend-undisclosed">
          <MarkKey mark="undisclosed" /> {t('chart.legendUndisclosed')}
        </p>
      ) : null}
      <div className="charts">
        {series.map((s) => (
          <Chart key={s.key} series={s} data={data} />
        ))}
      </div>
    </section>
  );
}

/** The sample of a day's mark in the legend, drawn as on the charts. */
function MarkKey({ mark }: { mark: 'approximate' | 'undisclosed' }) {
  return (
    <svg className="mark-key" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
      {mark === 'approximate' ? (
        <>
          <circle className="point-approximate" cx={8} cy={11} r={4} />
          <text className="mark" x={8} y={6} textAnchor="middle">
            ⚠
          </text>
        </>
      ) : (
        <>
          <line className="rule-undisclosed" x1={8} x2={8} y1={4} y2={16} />
          <text className="mark" x={8} y={6} textAnchor="middle">
            ?
          </text>
        </>
      )}
    </svg>
  );
}

function Chart({ series, data }: { series: CumulativeSeries; data: AgreementData }) {
  const { t, text, fmt, lang } = useI18n();
  const party = usePartyName(data.agreement);
  const last = series.points.at(-1);
  if (!last) return null;
  const term =
    series.unit === 'remains' ? t('figures.remains') : heldTerm(data.agreement, series.party, text);
  const named =
    series.category === null
      ? `${party(series.party)}${term ? ` — ${term}` : ''}`
      : `${party(series.party)} — ${termLabel(data.agreement, series.category, text)}`;
  // A quota's done line is one source's own figures: the chart says whose.
  const what = series.source === null ? named : t('chart.bySource', { what: named, source: series.source });
  const max = Math.max(...series.points.map((p) => Math.max(p.promised, p.done ?? 0)));
  // The last figure on record (a day the record is silent on is not 0); null when there is none.
  const lastDone = series.points.findLast((p) => p.done !== null)?.done ?? null;
  const y = countScale(max, [H - PAD.bottom, PAD.top]);
  // Right to left: day 1 on the right, as the text runs.
  const rtl = lang !== 'en';
  const plot: [number, number] = rtl ? [W - PAD.left, PAD.right] : [PAD.left, W - PAD.right];
  const x = dayScale(last.day, plot);
  const promised = cumulativePath(
    series.points.map((p) => ({ day: p.day, value: p.promised })),
    x,
    y,
  );
  const done = gappedPath(
    series.points.map((p) => ({ day: p.day, value: p.done })),
    x,
    y,
  );
  const unit = (n: number) => t(`unit.${series.unit}` as MessageKey, { n });
  const caption = !series.recorded
    ? t('chart.captionPlanned', { what, promised: unit(last.promised), day: last.day })
    : lastDone === null
      ? t('chart.captionUnrecorded', { what, promised: unit(last.promised), day: last.day })
      : t('chart.caption', { what, done: unit(lastDone), promised: unit(last.promised), day: last.day });
  const axisX = plot[0];
  // Each day whose figure is approximate, or whose number was not disclosed, in words: the title of
  // its mark, and said after the caption (the chart is one image to a screen reader).
  const marks = series.recorded
    ? series.points.flatMap((p) => [
        ...(p.approximate && p.done !== null
          ? [
              {
                p,
                mark: 'approximate' as const,
                says: t('chart.pointApproximate', { day: p.day, done: unit(p.done) }),
              },
            ]
          : []),
        ...(p.undisclosed
          ? [{ p, mark: 'undisclosed' as const, says: t('chart.pointUndisclosed', { day: p.day }) }]
          : []),
      ])
    : [];
  const label = [caption, ...marks.map((m) => m.says)].join('. ');
  // The last figure adds up an approximate one when a day up to it was recorded as approximate.
  const lastApproximate = series.points.some((p) => p.approximate && p.done !== null);
  return (
    <figure className="chart">
      <figcaption>
        {series.source === null ? (
          named
        ) : (
          <Rich
            k="chart.bySource"
            params={{ what: named }}
            nodes={{ source: <Cite>{series.source}</Cite> }}
          />
        )}
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
        <title>{label}</title>
        {y.ticks.map((v) => (
          <g key={v}>
            <line className="grid-line" x1={plot[0]} x2={plot[1]} y1={y(v)} y2={y(v)} />
            <text
              className="tick"
              x={rtl ? W - PAD.left + 4 : PAD.left - 4}
              y={y(v) + 4}
              textAnchor={rtl ? 'start' : 'end'}
            >
              {fmt.compact(v)}
            </text>
          </g>
        ))}
        <line className="axis" x1={axisX} x2={axisX} y1={PAD.top} y2={H - PAD.bottom} />
        {series.points.map((p) =>
          series.points.length <= 14 || p.day % Math.ceil(series.points.length / 7) === 1 ? (
            <text key={p.day} className="tick" x={x(p.day - 0.5)} y={H - 6} textAnchor="middle">
              {fmt.number(p.day)}
            </text>
          ) : null,
        )}
        <path className="line-promised" d={promised} />
        {series.recorded && done ? <path className="line-done" d={done} data-testid="line-done" /> : null}
        {series.recorded
          ? series.points.map((p) =>
              p.done === null ? null : (
                <circle key={p.day} className="point-done" cx={x(p.day - 0.5)} cy={y(p.done)} r={2.5} />
              ),
            )
          : null}
        {marks.map(({ p, mark, says }) =>
          mark === 'approximate' ? (
            <g key={`a${p.day}`} data-testid="point-approximate" data-day={p.day}>
              <title>{says}</title>
              <circle className="point-approximate" cx={x(p.day - 0.5)} cy={y(p.done!)} r={5} />
              <text className="mark" x={x(p.day - 0.5)} y={y(p.done!) - 7} textAnchor="middle">
                ⚠
              </text>
            </g>
          ) : (
            // Not a value: a rule across the day, never a point at 0.
            <g key={`u${p.day}`} data-testid="point-undisclosed" data-day={p.day}>
              <title>{says}</title>
              <line
                className="rule-undisclosed"
                x1={x(p.day - 0.5)}
                x2={x(p.day - 0.5)}
                y1={PAD.top}
                y2={H - PAD.bottom}
              />
              <text className="mark" x={x(p.day - 0.5)} y={PAD.top} textAnchor="middle">
                ?
              </text>
            </g>
          ),
        )}
      </svg>
      <p className="chart-figures">
        {series.recorded ? (
          <>
            <span data-done={lastDone ?? 'unrecorded'}>
              {t('chart.done')}:{' '}
              {lastDone === null ? (
                t('figures.unrecorded')
              ) : (
                <>
                  <Approximate uncertain={lastApproximate} />
                  {unit(lastDone)}
                </>
              )}
            </span>{' '}
            ·{' '}
          </>
        ) : null}
        <span>
          {t('chart.promised')}: {unit(last.promised)}
        </span>
      </p>
    </figure>
  );
}
