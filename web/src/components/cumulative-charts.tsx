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
import { heldTerm, termLabel, usePartyName } from './common.tsx';

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
      <div className="charts">
        {series.map((s) => (
          <Chart key={s.key} series={s} data={data} />
        ))}
      </div>
    </section>
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
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={caption}>
        <title>{caption}</title>
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
      </svg>
      <p className="chart-figures">
        {series.recorded ? (
          <>
            <span data-done={lastDone ?? 'unrecorded'}>
              {t('chart.done')}: {lastDone === null ? t('figures.unrecorded') : unit(lastDone)}
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
