import { useEffect, useMemo } from 'react';
import { onDay } from '../../../src/core/compliance/due-day.ts';
import { returnedRemains } from '../../../src/core/figures/returned-remains.ts';
import type { Obligation } from '../../../src/core/plan/types.ts';
import { type AgreementData, loadAgreement } from '../agreement-data.ts';
import type { LogSummary, ServedObligation } from '../api.ts';
import {
  Await,
  Quantity,
  StatusBadge,
  StatusCells,
  Uncertain,
  UncertainLegend,
  usePartyName,
} from '../components/common.tsx';
import { DayPicker } from '../components/day-picker.tsx';
import { DeadlineText } from '../components/deadline.tsx';
import { EventItem } from '../components/event-feed.tsx';
import { EvidenceScope } from '../components/evidence.tsx';
import { ExplanationText } from '../components/explanation.tsx';
import { ProvenanceBanner } from '../components/provenance-banner.tsx';
import { ReadingYear } from '../components/reading-year.ts';
import { useI18n } from '../i18n/context.ts';
import type { MessageKey } from '../i18n/messages-en.ts';
import { fieldLabel } from '../i18n/translate.ts';
import { logEvents } from '../log-events.ts';
import { agreementDay, eventsOn } from '../model/agreement-days.ts';
import { addDays, dateIn } from '../model/calendar.ts';
import { agreementNames } from '../model/names.ts';
import { Link } from '../navigation.tsx';
import { useFetch } from '../use-fetch.ts';

const LATE = new Set(['missed', 'met-late', 'partly-met']);

export function DayPage({ id, date }: { id: string; date: string }) {
  const loaded = useFetch(`agreement:${id}`, () => loadAgreement(id));
  // The page is read in the year of its day: dates of another year say theirs.
  return (
    <Await loaded={loaded}>
      {(data) => (
        <ReadingYear.Provider value={date.slice(0, 4)}>
          <DayView data={data} date={date} />
        </ReadingYear.Provider>
      )}
    </Await>
  );
}

/** The day's number, its obligations and their deadlines (what is late first), and its events. */
function DayView({ data, date }: { data: AgreementData; date: string }) {
  const { t, text, fmt } = useI18n();
  const a = data.agreement;
  const party = usePartyName(a);
  // Planned for the day, or due that day since its deadline moved (an extension agreed).
  const fromLog = data.evaluation?.obligations.filter((o) => onDay(o, date));
  const rows: { obligation: Obligation; status: ServedObligation | null }[] = fromLog
    ? fromLog.map((o) => ({ obligation: o.obligation, status: o }))
    : (data.plan.days.find((d) => d.date === date)?.obligations ?? []).map((o) => ({
        obligation: o,
        status: null,
      }));
  // Dates the terms state that oblige no party: shown on their day, never judged.
  const dated = (data.evaluation?.dates ?? data.plan.dates ?? []).filter((d) => d.date === date);
  // Every day from the start has its number, and its phase's day: the last day of a phase too,
  // though no obligation falls on it.
  const day = useMemo(
    () => agreementDay(data.plan, data.evaluation, date, new Date()),
    [data.plan, data.evaluation, date],
  );
  rows.sort((x, y) =>
    (x.status?.due ?? x.obligation.due ?? '').localeCompare(y.status?.due ?? y.obligation.due ?? ''),
  );
  // Late is a record of lateness; a figure nobody recorded is unknown, not late.
  const late = rows.filter((r) => r.status && LATE.has(r.status.status));
  const dueText = (iso: string) =>
    dateIn(new Date(iso), a.timeZone) === date ? fmt.time(iso, a.timeZone) : fmt.dateTime(iso, a.timeZone);
  useEffect(() => {
    document.title = `${text(a.title)} · ${date} · Truce`;
  }, [a, date, text]);
  // What an obligation asks, in words: a side that hands over remains returns them, never releases them.
  const action = (o: Obligation) =>
    t(
      o.action === 'release' && returnedRemains(a, o.provision, o.party)
        ? 'action.return-remains'
        : (`action.${o.action}` as MessageKey),
    );
  /**
   * What the obligation asks, as its row names it: the act, its quantity and its batch. The
   * quantity as judged when the record sets it (a release owed by the categories handed over, a
   * range where they are not recorded), the same as its explanation says; else the plan's.
   */
  const what = (o: Obligation, judged?: { required?: number; requiredMax?: number } | null) => (
    <>
      {action(o)}
      {o.unit && (judged?.required ?? o.quantity) !== undefined ? (
        <>
          {' · '}
          {judged?.required !== undefined && judged.requiredMax !== undefined ? (
            <>
              {fmt.number(judged.required)}–<Quantity n={judged.requiredMax} unit={o.unit} />
            </>
          ) : (
            <Quantity n={(judged?.required ?? o.quantity)!} unit={o.unit} />
          )}
        </>
      ) : null}
      {o.batch ? ` · ${fieldLabel(t, 'batch')} ${fmt.number(o.batch)}` : ''}
    </>
  );
  const base = `/agreements/${encodeURIComponent(a.id)}`;
  const names = useMemo(() => agreementNames(a, data.log?.actors), [a, data.log?.actors]);
  const scope = useMemo(() => ({ timeZone: a.timeZone, names }), [a.timeZone, names]);
  return (
    <EvidenceScope.Provider value={scope}>
      <article data-testid="day-view" data-date={date}>
        <ProvenanceBanner provenance={data.log?.provenance} />
        <p>
          <Link href={base}>
            {t('nav.back')} {text(a.title)}
          </Link>
        </p>
        <h1 data-day={day?.day}>
          {day !== null
            ? t('day.title', { day: day.day, date: fmt.calendarDate(date) })
            : fmt.calendarDate(date)}
        </h1>
        {day && day.phases.length > 0 ? (
          <p data-testid="day-phases">
            {day.phases
              // A phase the log does not record is the plan's reckoning, and said to be.
              .map((p) =>
                t(data.evaluation && p.recorded ? 'phase.current' : 'phase.plannedCurrent', {
                  phase: text(a.phases.find((x) => x.id === p.phase)?.title, p.phase),
                  day: p.phaseDay,
                }),
              )
              .join(' · ')}
          </p>
        ) : null}
        <nav className="day-nav no-print" aria-label={t('agreement.days')}>
          <Link href={`${base}/day/${addDays(date, -1)}`} rel="prev">
            {t('day.previous')}
          </Link>
          <DayPicker base={base} date={date} />
          <Link href={`${base}/day/${addDays(date, 1)}`} rel="next">
            {t('day.next')}
          </Link>
        </nav>
        {late.length > 0 ? (
          <section aria-labelledby="late-h" className="late">
            <h2 id="late-h">{t('day.late')}</h2>
            <ul>
              {late.map((r) => (
                <li key={r.obligation.id} data-obligation={r.obligation.id}>
                  <StatusBadge status={r.status!.status} uncertain={r.status!.uncertain} />{' '}
                  {party(r.obligation.party)}: {what(r.obligation, r.status)}
                  {r.status!.lateMinutes
                    ? ` · ${t(
                        // Late against a deadline the agreement does not state firmly: the words carry the ⚠.
                        r.obligation.deadline ? `late.hours.${r.obligation.deadline}` : 'late.hours',
                        { n: Math.round(r.status!.lateMinutes / 60) },
                      )}`
                    : ''}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {dated.length > 0 ? (
          <section aria-labelledby="dates-h" data-testid="day-dates">
            <h2 id="dates-h">{t('day.dates')}</h2>
            <ul>
              {dated.map((d) => {
                const term = a.provisions.find((p) => p.id === d.provision);
                return (
                  <li key={d.provision} data-dated={d.provision}>
                    <StatusBadge status="dated-fact" />{' '}
                    {text(term && 'text' in term ? term.text : undefined, d.description)}{' '}
                    {d.uncertain ? <Uncertain /> : null}
                  </li>
                );
              })}
            </ul>
          </section>
        ) : null}
        <section aria-labelledby="obl-h">
          <h2 id="obl-h">
            {t('day.obligations')}{' '}
            <span className="muted">({t('count.obligations', { n: rows.length })})</span>
          </h2>
          {rows.length === 0 ? (
            <p>{t('day.none')}</p>
          ) : (
            <div className="table-scroll">
              <table className="grid stack">
                <thead>
                  <tr>
                    <th scope="col">{t('day.due')}</th>
                    <th scope="col">{t('role.party')}</th>
                    <th scope="col">{t('provisions.provision')}</th>
                    <th scope="col">{t('provisions.status')}</th>
                    <th scope="col">{t('provisions.explanation')}</th>
                    <th scope="col">{t('provisions.evidence')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map(({ obligation: o, status }) => (
                    <tr key={o.id} data-obligation={o.id} data-status={status?.status ?? ''}>
                      <td data-label={t('day.due')}>
                        {o.due ? (
                          <time dateTime={status?.due ?? o.due}>
                            {/* At midnight, the end of the day before ("the end of 24 Nov"), not "25 Nov 00:00". */}
                            <DeadlineText at={status?.due ?? o.due} timeZone={a.timeZone} instant={dueText} />
                          </time>
                        ) : (
                          // The agreement gives no deadline for it: not stated, which is not "none".
                          <span className="muted">{t('common.notStated')}</span>
                        )}
                      </td>
                      <td data-label={t('role.party')}>{party(o.party)}</td>
                      <td data-label={t('provisions.provision')}>
                        {what(o, status)} {o.uncertain ? <Uncertain /> : null}
                      </td>
                      <StatusCells
                        logId={data.log?.id ?? null}
                        asOf={data.evaluation?.asOf ?? null}
                        agreement={a}
                        status={status}
                        emptyStatus="—"
                        emptyExplanation={
                          // An answer from before lines were data has none: its English description stays.
                          o.line ? <ExplanationText explanation={[o.line]} agreement={a} /> : o.description
                        }
                      />
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {rows.some(({ obligation: o, status }) => o.uncertain || status?.uncertain) ? (
            <UncertainLegend />
          ) : null}
        </section>
        <DayEvents log={data.log} date={date} data={data} />
      </article>
    </EvidenceScope.Provider>
  );
}

/** The events the log records as occurring on the day, in the agreement's time zone, each with its proof. */
function DayEvents({ log, date, data }: { log: LogSummary | null; date: string; data: AgreementData }) {
  const { t } = useI18n();
  const a = data.agreement;
  const names = useMemo(() => agreementNames(a, data.log?.actors), [a, data.log?.actors]);
  const loaded = useFetch(`events:${log?.id}:${log?.size}`, () =>
    log ? logEvents(log.id, log.size) : Promise.resolve(null),
  );
  return (
    <section aria-labelledby="day-events-h">
      <h2 id="day-events-h">{t('day.events')}</h2>
      <Await loaded={loaded}>
        {(entries) => {
          if (!entries) return <p>{t('home.noLog')}</p>;
          const events = eventsOn(entries, date, a.timeZone);
          return events.length === 0 ? (
            <p data-testid="day-events" data-count={0}>
              {t('day.noEvents')}
            </p>
          ) : (
            <ol className="feed" data-testid="day-events" data-count={events.length}>
              {events.map((e) => (
                <EventItem
                  key={e.index}
                  entry={e}
                  logId={log!.id}
                  timeZone={a.timeZone}
                  names={names}
                  agreement={a}
                />
              ))}
            </ol>
          );
        }}
      </Await>
    </section>
  );
}
