import type { AgreementData } from '../agreement-data.ts';
import { useI18n } from '../i18n/context.ts';
import { addDays, dateIn } from '../model/calendar.ts';
import { phaseLanes } from '../model/phase-lanes.ts';
import { timelineOf } from '../model/phase-state.ts';

/** The height of a row of the timeline, in rem: a bar (3.5rem) and the space under it. */
const ROW_REM = 4;

/** The phases as bars over the agreement's days, with today marked (clamped to the ends, and said so). */
export function PhaseTimeline({ data, now = new Date() }: { data: AgreementData; now?: Date }) {
  const { t, text, fmt } = useI18n();
  const tl = timelineOf(data.plan, data.evaluation, now);
  const span = Math.max(tl.lastDay, 1);
  const pct = (day: number) => ((day - 1) / span) * 100;
  const today = tl.state.state === 'no-start' ? null : tl.state.today;
  // Today sits in the middle of its day; before the first day or after the last, at that end.
  const todayPct = today === null ? null : Math.min(100, Math.max(0, ((today - 0.5) / span) * 100));
  const outside = today === null ? null : today < 1 ? 'before' : today > span ? 'after' : null;
  const todayDate = fmt.calendarDate(dateIn(now, data.plan.timeZone));
  const dateOfDay = (day: number) => (tl.startDate ? fmt.calendarDate(addDays(tl.startDate, day - 1)) : '');
  // Phases that share days are drawn in rows of their own, so that no bar hides another.
  const rows = phaseLanes(tl.phases);
  return (
    <section aria-labelledby="timeline-h">
      <h2 id="timeline-h">{t('agreement.timeline')}</h2>
      {tl.phases.length < data.agreement.phases.length ? (
        <ul className="unplaced">
          {data.agreement.phases
            .filter((p) => !tl.phases.some((x) => x.id === p.id))
            .map((p) => (
              <li key={p.id}>
                {text(p.title, p.id)} · <span className="muted">{t('phase.noStart')}</span>
              </li>
            ))}
        </ul>
      ) : null}
      <div className="timeline" data-testid="phase-timeline">
        <ol className="timeline-bars" style={{ minHeight: `${rows.count * ROW_REM}rem` }}>
          {tl.phases.map((p) => {
            const phase = data.agreement.phases.find((x) => x.id === p.id);
            return (
              <li
                key={p.id}
                // With a log, a phase it does not record is drawn where the plan puts it, dashed,
                // and said to be the plan's (phases 2 and 3 of a truce whose second phase was
                // never agreed had read like the first, which happened).
                className={`timeline-phase${p.ended ? ' ended' : ''}${data.evaluation && !p.recorded ? ' planned' : ''}`}
                data-recorded={data.evaluation ? String(p.recorded) : undefined}
                style={{
                  insetInlineStart: `${pct(p.fromDay)}%`,
                  width: `${((p.toDay - p.fromDay + 1) / span) * 100}%`,
                  top: `${(rows.lanes.get(p.id) ?? 0) * ROW_REM}rem`,
                }}
                data-phase={p.id}
                data-row={rows.lanes.get(p.id) ?? 0}
                title={text(phase?.title, p.id)}
              >
                <span className="timeline-title">{text(phase?.title, p.id)}</span>
                <span className="timeline-days">
                  {t('chart.day', { day: p.fromDay })}–{fmt.number(p.toDay)}
                  {tl.startDate ? ` · ${dateOfDay(p.fromDay)} – ${dateOfDay(p.toDay)}` : ''}
                  {p.openEnded ? ` · ${t('timeline.openEnded')}` : ''}
                  {data.evaluation && !p.recorded ? ` · ${t('timeline.notRecorded')}` : ''}
                </span>
                {phase?.uncertain ? <span className="uncertain"> ⚠</span> : null}
              </li>
            );
          })}
        </ol>
        {todayPct !== null && today !== null ? (
          <div
            // In the later half its words run back toward the middle, so they never leave the page.
            className={`today${outside ? ` today-${outside}` : todayPct > 50 ? ' today-late' : ''}`}
            data-testid="today-marker"
            data-day={today}
            style={{ insetInlineStart: `${todayPct}%` }}
          >
            <span>
              {t('agreement.todayOn', { date: todayDate })}
              {outside ? '' : ` · ${t('chart.day', { day: today })}`}
            </span>
          </div>
        ) : null}
      </div>
    </section>
  );
}
