import type { StatedFigure } from '../../../src/core/agreement/figure.ts';
import type { Agreement } from '../../../src/core/agreement/types.ts';
import {
  aheadOfPlan,
  moreThanPlan,
  type QuotaFigure,
  type RecoveredFigure,
  type ReleaseFigure,
  unplannedTotal,
} from '../../../src/core/figures/headline-figures.ts';
import { namesOf } from '../../../src/core/words/agreement-names.ts';
import type { Explanation } from '../../../src/core/words/phrase.ts';
import type { AgreementData } from '../agreement-data.ts';
import { useI18n } from '../i18n/context.ts';
import { Rich } from '../i18n/rich.tsx';
import { Cite } from './cite.tsx';
import {
  Approximate,
  heldTerm,
  Quantity,
  StatusBadge,
  termLabel,
  Uncertain,
  UncertainLegend,
  usePartyName,
  useReleasedLabel,
} from './common.tsx';
import { DeadlineText } from './deadline.tsx';
import { ExplanationText } from './explanation.tsx';

/**
 * The total the agreement states for a side, beside the figure the ratio gives for it in all when a
 * stated value differs from it (Oct 2025: 360 bodies stated, 15 × 28 = 420 by the ratio): each value
 * with its source and ⚠, never in place of the plan's figure.
 */
export function StatedTotal({
  values,
  against,
  id,
}: {
  values: StatedFigure[] | undefined;
  against: number | undefined;
  id: string;
}) {
  const { t, fmt } = useI18n();
  if (!values?.length || values.every((v) => v.value === against)) return null;
  return (
    <p className="muted" data-testid="stated-total" data-stated-total={id}>
      {t('figures.statedTotal')}{' '}
      {values.map((v, i) => (
        <span key={`${v.value}-${v.source ?? i}`} data-value={v.value}>
          {i > 0 ? ` ${t('common.or')} ` : ''}
          {v.uncertain ? (
            <>
              <Uncertain note={v.note} />{' '}
            </>
          ) : null}
          {fmt.number(v.value)}
          {v.source ? (
            <>
              {' ('}
              <Cite>{v.source}</Cite>
              {')'}
            </>
          ) : null}
        </span>
      ))}
    </p>
  );
}

/**
 * "of 1,968 in the plan to date", the figure marked ⚠ when it rests on an uncertain term ("of ⚠
 * 1,968"), a range where what is owed is one ("of 990–1,650"), never its least alone; and, when
 * more is counted because obligations not yet due are under way, "ahead of the 7 in the plan to
 * date (33 in all)", not "of 7".
 */
export function PlannedToDate({ figure: r }: { figure: ReleaseFigure }) {
  const { fmt, t } = useI18n();
  const amount = (low: number, high: number | undefined) =>
    high === undefined ? (
      fmt.number(low)
    ) : (
      <span data-planned-range="">
        {fmt.number(low)}–{fmt.number(high)}
      </span>
    );
  const due = amount(r.dueSoFar, r.dueSoFarMax);
  const total = r.uncertain ? (
    <>
      <Uncertain /> {due}
    </>
  ) : (
    due
  );
  // An exchange the plan places nothing of: the number the agreement states, on no date, or no
  // number at all (left to later talks), never "of 0".
  const unplanned = unplannedTotal(r);
  if (unplanned?.kind === 'number') {
    const stated =
      r.uncertain || (r.statedTotal ?? []).some((v) => v.uncertain) ? (
        <>
          <Uncertain /> {fmt.number(unplanned.value)}
        </>
      ) : (
        fmt.number(unplanned.value)
      );
    return r.counted !== null && r.counted > unplanned.value ? (
      <Rich k="figures.undatedMore" nodes={{ total: stated }} />
    ) : (
      <Rich k="figures.undated" nodes={{ total: stated }} />
    );
  }
  // Nothing of the plan due yet: the whole and its last deadline ("of the 181 due by 17 Apr
  // 12:00", "… by the end of 16 Apr" at midnight), never "ahead of the 0 in the plan to date",
  // which reads as ahead of schedule.
  if (unplanned === null && r.dueBy) {
    const all = amount(r.plannedTotal, r.plannedTotalMax);
    const whole = r.uncertain ? (
      <>
        <Uncertain /> {all}
      </>
    ) : (
      all
    );
    const { timeZone } = r.dueBy;
    const by = (
      <span data-due-by={r.dueBy.at}>
        <DeadlineText at={r.dueBy.at} timeZone={timeZone} instant={(iso) => fmt.dateTime(iso, timeZone)} />
      </span>
    );
    const key =
      r.counted === null
        ? 'figures.dueBy'
        : r.counted > (r.plannedTotalMax ?? r.plannedTotal)
          ? 'figures.moreThanDueBy'
          : 'figures.ofDueBy';
    return <Rich k={key} nodes={{ total: whole, by }} />;
  }
  if (unplanned?.kind === 'stated') return <>{t('figures.noDate')}</>;
  if (unplanned?.kind === 'none') return <>{t('figures.noNumber')}</>;
  return aheadOfPlan(r) ? (
    <Rich k="figures.aheadOfPlanned" nodes={{ total, all: amount(r.plannedTotal, r.plannedTotalMax) }} />
  ) : moreThanPlan(r) ? (
    <Rich k="figures.moreThanPlanned" nodes={{ total }} />
  ) : (
    <Rich k="figures.ofPlanned" nodes={{ total }} />
  );
}

/** The disputes of the records a release figure counts, worded as its obligations word them: beside the count, never in its place. */
export function ReleaseDisputes({ disputes, agreement }: { disputes: Explanation; agreement: Agreement }) {
  if (!disputes.length) return null;
  return (
    <p className="muted" data-testid="release-disputes">
      <StatusBadge status="disputed" /> <ExplanationText explanation={disputes} agreement={agreement} />
    </p>
  );
}

/**
 * Released by each side against the plan; each aid quota source by source, never added across
 * sources, and "nothing recorded" where no source gave a figure (never 0). Each figure carries
 * data-figure (what it is) and data-value (its number, or "unrecorded"), the same as the API's
 * `headline` and the report.
 */
export function HeadlineFigures({ data }: { data: AgreementData }) {
  const { t, fmt } = useI18n();
  const releasedLabel = useReleasedLabel(data.agreement);
  if (!data.evaluation) return <PlannedFigures data={data} />;
  // The server's, from the whole evaluation (the status it serves counts the evidence).
  const h = data.evaluation.headline;
  return (
    <section aria-labelledby="headline-h" data-testid="headline-figures">
      <h2 id="headline-h">{t('agreement.headline')}</h2>
      <div className="tiles">
        {h.releases.map((r) => (
          <div className="tile" key={`${r.provision}-${r.party}`}>
            <p className="tile-label">{releasedLabel(r)}</p>
            <p
              className="tile-figure"
              data-figure={`release:${r.provision}:${r.party}`}
              data-value={r.counted ?? 'unrecorded'}
            >
              {r.counted === null ? (
                t(r.dueBy ? 'figures.unrecordedYet' : 'figures.unrecorded')
              ) : (
                <>
                  <Approximate uncertain={r.countedUncertain} />
                  {fmt.number(r.counted)}
                </>
              )}
            </p>
            <p className="muted" data-uncertain={r.uncertain ? 'true' : undefined}>
              <PlannedToDate figure={r} />
            </p>
            <StatedTotal values={r.statedTotal} against={r.byRatio} id={`${r.provision}:${r.party}`} />
            <ReleaseDisputes disputes={r.disputes} agreement={data.agreement} />
            {r.outside > 0 ? (
              <p className="muted">
                <Approximate uncertain={r.outsideUncertain} />
                {t('figures.outside', { n: r.outside })}
              </p>
            ) : null}
            {r.undisclosed ? (
              <p className="muted" data-undisclosed={r.undisclosed}>
                {t('figures.undisclosed', { n: r.undisclosed })}
              </p>
            ) : null}
          </div>
        ))}
        {(h.recovered ?? []).map((r) => (
          <RecoveredTile
            key={`recovered-${r.provision}-${r.by}-${r.at}`}
            figure={r}
            agreement={data.agreement}
          />
        ))}
      </div>
      {h.quotas.length > 0 ? (
        <>
          <h3>{t('figures.aid')}</h3>
          <p className="muted">{t('figures.sourceNote')}</p>
          <div className="table-scroll">
            <table className="grid stack" data-testid="quota-figures">
              <thead>
                <tr>
                  <th scope="col">{t('provisions.provision')}</th>
                  <th scope="col">{t('figures.quota')}</th>
                  <th scope="col">{t('figures.source')}</th>
                  <th scope="col">{t('figures.daysReported')}</th>
                  <th scope="col">{t('figures.recorded')}</th>
                  <th scope="col">{t('figures.quotaThoseDays')}</th>
                  <th scope="col">{t('figures.daysReached')}</th>
                </tr>
              </thead>
              <tbody>
                {h.quotas.map((q) => (
                  <QuotaRows key={q.quota} q={q} agreement={data.agreement} />
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      {h.releases.some((r) => r.uncertain || r.countedUncertain || r.outsideUncertain) ||
      h.quotas.some(
        (q) => q.uncertain || q.sources.some((s) => s.uncertain) || q.periods.some((p) => p.uncertain),
      ) ||
      (h.recovered ?? []).some((r) => r.uncertain) ? (
        <UncertainLegend />
      ) : null}
    </section>
  );
}

/**
 * Remains recovered without a handover (one record): who recovered them, how many, when and whose
 * report it is, under its exchange's name; never counted as returned, so never in a tile above.
 */
function RecoveredTile({ figure: r, agreement }: { figure: RecoveredFigure; agreement: Agreement }) {
  const { t, fmt, lang, isolate } = useI18n();
  const party = usePartyName(agreement);
  return (
    <div className="tile" data-testid="recovered">
      <p className="tile-label">
        {t('figures.recovered', { party: party(r.by) })} ·{' '}
        {isolate(namesOf(agreement, lang).provision(r.provision))}
      </p>
      <p
        className="tile-figure"
        data-figure={`recovered:${r.provision}:${r.by}:${r.at}`}
        data-value={r.count}
      >
        <Approximate uncertain={r.uncertain} />
        {fmt.number(r.count)}
      </p>
      <p className="muted">
        {t('figures.recoveredNote', { date: fmt.date(r.at, agreement.timeZone) })}
        {r.source ? (
          <>
            {' ('}
            <Cite>{r.source}</Cite>
            {')'}
          </>
        ) : null}
      </p>
    </div>
  );
}

/** One quota: its quota to date, then one row per source (or one saying nothing was recorded). */
function QuotaRows({ q, agreement }: { q: QuotaFigure; agreement: Agreement }) {
  const { t, text, fmt } = useI18n();
  const span = Math.max(1, q.sources.length + q.periods.length);
  const amount = (low: number, high: number | undefined) =>
    high === undefined ? (
      <Quantity n={low} unit={q.unit} />
    ) : (
      <>
        <Quantity n={low} unit={q.unit} /> – <Quantity n={high} unit={q.unit} />
      </>
    );
  const head = (
    <>
      <th scope="row" rowSpan={span}>
        {termLabel(agreement, q.quota, text)} {q.uncertain ? <Uncertain /> : null}
        {q.daysDisputed > 0 ? (
          <>
            {' '}
            <span className="tag">{t('figures.conflicting')}</span>
          </>
        ) : null}
        {q.daysUnrecorded > 0 ? (
          <span className="muted block">
            {q.periods.length > 0
              ? t('figures.daysWithoutOwnFigure', { n: q.daysUnrecorded })
              : t('figures.daysUnrecorded', { n: q.daysUnrecorded })}
          </span>
        ) : null}
      </th>
      <td rowSpan={span} data-label={t('figures.quota')}>
        {amount(q.dueSoFar, q.dueSoFarMax)}
      </td>
    </>
  );
  if (q.sources.length === 0 && q.periods.length === 0)
    return (
      <tr data-testid="quota-row">
        {head}
        <td
          colSpan={5}
          data-label={t('figures.recorded')}
          data-figure={`quota:${q.quota}`}
          data-value="unrecorded"
        >
          {t('figures.unrecorded')}
        </td>
      </tr>
    );
  return (
    <>
      {q.sources.map((s, i) => (
        <tr key={s.source} data-testid="quota-row">
          {i === 0 ? head : null}
          <td data-label={t('figures.source')}>
            <Cite>{s.source}</Cite>
          </td>
          <td data-label={t('figures.daysReported')}>{s.days.map((d) => fmt.calendarDate(d)).join(', ')}</td>
          <td
            data-label={t('figures.recorded')}
            data-figure={`quota:${q.quota}:${s.source}`}
            data-value={s.quantity}
          >
            <Approximate uncertain={s.uncertain} />
            <Quantity n={s.quantity} unit={q.unit} />
          </td>
          <td data-label={t('figures.quotaThoseDays')}>
            <Quantity n={s.quota} unit={q.unit} />
          </td>
          <td data-label={t('figures.daysReached')}>
            {t('figures.reachedOf', { reached: s.daysReached, days: s.days.length })}
          </td>
        </tr>
      ))}
      {q.periods.map((p, i) => (
        <tr key={`${p.source}|${p.from}|${p.to}`} data-testid="quota-row">
          {i === 0 && q.sources.length === 0 ? head : null}
          <td data-label={t('figures.source')}>
            <Cite>{p.source}</Cite>
          </td>
          <td data-label={t('figures.daysReported')}>
            {t('figures.period', { from: fmt.calendarDate(p.from), to: fmt.calendarDate(p.to) })}
          </td>
          <td
            data-label={t('figures.recorded')}
            data-figure={`quota:${q.quota}:${p.source}:${p.from}:${p.to}`}
            data-value={p.quantity}
          >
            <Approximate uncertain={p.uncertain} />
            <Quantity n={p.quantity} unit={q.unit} />
          </td>
          <td data-label={t('figures.quotaThoseDays')}>{amount(p.quota, p.quotaMax)}</td>
          <td data-label={t('figures.daysReached')}>{t('figures.periodNotPerDay')}</td>
        </tr>
      ))}
    </>
  );
}

/** Without a log: what the plan asks of each side in all, per unit (persons, trucks, litres…). */
function PlannedFigures({ data }: { data: AgreementData }) {
  const { t, text, fmt } = useI18n();
  const party = usePartyName(data.agreement);
  const totals = data.plan.totals;
  // Totals the agreement states for a side, shown on that side's tile beside the plan's figure.
  const stated = data.plan.stated ?? [];
  if (totals.length === 0) return null;
  return (
    <section aria-labelledby="headline-h" data-testid="headline-figures">
      <h2 id="headline-h">{t('agreement.headline')}</h2>
      <p className="muted">{t('home.noLog')}</p>
      <div className="tiles">
        {totals.map((x) => {
          // Remains are their own figure, named as such, never added to the living.
          const term =
            x.unit === 'person'
              ? heldTerm(data.agreement, x.party, text)
              : x.unit === 'remains'
                ? t('figures.remains')
                : null;
          return (
            <div className="tile" key={`${x.party}-${x.category}-${x.unit}`}>
              <p className="tile-label">
                {x.unit === 'person' || x.unit === 'remains'
                  ? // Remains are returned, never released (the plan's unit for a side whose every category is remains).
                    `${t(x.unit === 'remains' ? 'figures.toReturn' : 'figures.toRelease', { party: party(x.party) })}${term ? ` (${term})` : ''}`
                  : `${party(x.party)} — ${termLabel(data.agreement, x.category, text)}`}
              </p>
              {x.bySource && x.bySource.length > 1 ? (
                // Sources state it differently: each source's own sum, named; never a range of nobody's.
                <ul className="by-source">
                  {x.bySource.map((s) => (
                    <li key={s.source}>
                      <strong
                        data-figure={`planned:${x.party}:${x.category}:${s.source}`}
                        data-value={s.quantity}
                      >
                        {x.atLeast ? '≥ ' : ''}
                        <Quantity n={s.quantity} unit={x.unit} />
                      </strong>{' '}
                      <span className="muted">
                        <Rich k="figures.accordingTo" nodes={{ source: <Cite>{s.source}</Cite> }} />
                      </span>
                    </li>
                  ))}
                </ul>
              ) : (
                <>
                  <p className="tile-figure">
                    {x.atLeast ? '≥ ' : ''}
                    {fmt.number(x.quantity)}
                    {x.quantityMax !== undefined ? `–${fmt.number(x.quantityMax)}` : ''}
                  </p>
                  <p className="muted">
                    <Quantity n={x.quantityMax ?? x.quantity} unit={x.unit} />
                  </p>
                </>
              )}
              {stated
                .filter((st) => st.party === x.party && st.unit === x.unit)
                .map((st) => (
                  <StatedTotal
                    key={st.provision}
                    values={st.stated}
                    against={st.planned?.quantityMax === undefined ? st.planned?.quantity : undefined}
                    id={`${st.provision}:${st.party}`}
                  />
                ))}
            </div>
          );
        })}
      </div>
    </section>
  );
}
