import { useMemo } from 'react';
import type { AgreementData } from '../agreement-data.ts';
import { api } from '../api.ts';
import { useI18n } from '../i18n/context.ts';
import { dateIn } from '../model/calendar.ts';
import {
  byMonth,
  currentMonth,
  dailyTerms,
  dueObligations,
  type ListedDay,
  listedDays,
} from '../model/listed-days.ts';
import { Link } from '../navigation.tsx';
import { useFetch } from '../use-fetch.ts';
import { DayPicker } from './day-picker.tsx';

/** Up to this many days are listed as they are; more are grouped by month. */
export const DAYS_UNGROUPED = 31;

/**
 * The days a reader may want to open: those on which the log records events (by their occurredAt,
 * in the agreement's time zone) and those on which something falls due, each with what it holds.
 * A long list is grouped by month, the current month open; any other day is a date away (DayPicker).
 */
export function DayList({ data }: { data: AgreementData }) {
  const { t, text } = useI18n();
  const log = data.log;
  // The days on record: read from the log's own index of them, never from every event.
  const occurred = useFetch(`days:${log?.id}:${log?.size}`, () =>
    log ? api.days(log.id).then((d) => d.days) : Promise.resolve([]),
  );
  const recorded = occurred.state === 'ready' ? occurred.data : null;
  const days = useMemo(
    () => listedDays(data.plan, data.evaluation, recorded ?? [], new Date()),
    [data.plan, data.evaluation, recorded],
  );
  // Terms due every day (an aid quota per day) list no day by themselves: said once, by name.
  const daily = useMemo(
    () => [...dailyTerms(dueObligations(data.plan, data.evaluation)).provisions],
    [data.plan, data.evaluation],
  );
  const provisionName = (id: string) => text(data.agreement.provisions.find((p) => p.id === id)?.title, id);
  const today = dateIn(new Date(), data.agreement.timeZone);
  const base = `/agreements/${encodeURIComponent(data.agreement.id)}`;
  // The box starts at the day of the latest listed day up to today: where a reader most likely goes.
  const near = days.filter((d) => d.date <= today).at(-1)?.date ?? days[0]?.date ?? today;
  return (
    <section aria-labelledby="days-h" data-testid="day-list" data-count={days.length}>
      <h2 id="days-h">{t('agreement.days')}</h2>
      <p className="muted">{t('days.note')}</p>
      {daily.length ? (
        <p className="muted" data-testid="days-daily">
          {t('days.daily', { terms: daily.map(provisionName).join(t('allegations.sep')) })}
        </p>
      ) : null}
      {occurred.state === 'error' ? (
        <p role="alert" className="error">
          {t('common.error', { detail: occurred.error.message })}
        </p>
      ) : null}
      {days.length === 0 ? (
        <p>{t('days.none')}</p>
      ) : days.length <= DAYS_UNGROUPED ? (
        <DayLinks days={days} base={base} />
      ) : (
        <Months days={days} base={base} today={today} />
      )}
      <div className="no-print">
        <DayPicker base={base} date={near} />
      </div>
    </section>
  );
}

/** The days of a long list by month, each month a heading that opens its days; the current one open. */
function Months({ days, base, today }: { days: ListedDay[]; base: string; today: string }) {
  const { t, fmt } = useI18n();
  const months = byMonth(days);
  const open = currentMonth(months, today);
  return (
    <div className="day-months">
      {months.map((m) => (
        <details key={m.month} open={m.month === open} data-month={m.month}>
          <summary>
            {fmt.month(m.month)} <span className="muted">· {t('count.days', { n: m.days.length })}</span>
          </summary>
          <DayLinks days={m.days} base={base} />
        </details>
      ))}
    </div>
  );
}

/** A link to each day's page: its agreement day and date, and what the log and the terms put on it. */
function DayLinks({ days, base }: { days: ListedDay[]; base: string }) {
  const { t, fmt } = useI18n();
  return (
    <ol className="day-links">
      {days.map((d) => {
        const holds = [
          d.events ? t('count.events', { n: d.events }) : null,
          d.due ? t('count.obligations', { n: d.due }) : null,
        ].filter((x) => x !== null);
        return (
          <li key={d.date} data-date={d.date} data-events={d.events} data-due={d.due}>
            <Link href={`${base}/day/${d.date}`}>
              {d.day !== null ? `${t('chart.day', { day: d.day })} · ` : ''}
              {fmt.calendarDate(d.date)}
            </Link>
            {holds.length ? <span className="muted"> · {holds.join(' · ')}</span> : null}
          </li>
        );
      })}
    </ol>
  );
}
