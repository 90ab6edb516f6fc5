import type { AgreementData } from '../agreement-data.ts';
import { useI18n } from '../i18n/context.ts';
import { timelineOf } from '../model/phase-state.ts';

/** One line: the phase and the day the agreement is on today, or that it has not started or has ended. */
export function PhaseLine({ data, now = new Date() }: { data: AgreementData; now?: Date }) {
  const { t, text, fmt } = useI18n();
  const tl = timelineOf(data.plan, data.evaluation, now);
  const phaseTitle = (id: string) => text(data.agreement.phases.find((p) => p.id === id)?.title, id);
  let line: string;
  switch (tl.state.state) {
    case 'no-start':
      line = t('phase.noStart');
      break;
    case 'not-started':
      line = t('phase.startsOn', { date: fmt.calendarDate(tl.state.startDate) });
      break;
    // Without a record of the phase's start (no log, or a log that has none), where it stands is
    // the plan's reckoning, not a record, and it says so.
    case 'running':
      line = t(
        data.evaluation && tl.state.recorded
          ? tl.state.openEnded
            ? 'phase.currentOpen'
            : 'phase.current'
          : tl.state.openEnded
            ? 'phase.plannedCurrentOpen'
            : 'phase.plannedCurrent',
        {
          phase: phaseTitle(tl.state.phase),
          day: tl.state.day,
        },
      );
      break;
    case 'between':
      line = t(data.evaluation ? 'phase.between' : 'phase.plannedBetween', {
        phase: phaseTitle(tl.state.phase),
      });
      break;
    case 'ended':
      // An end the log does not record is the plan's, and said to be.
      line = t(data.evaluation && tl.state.recorded ? 'phase.endedOn' : 'phase.plannedEnd', {
        date: fmt.calendarDate(tl.state.endDate),
      });
      break;
  }
  return (
    <p className="phase-line" data-state={tl.state.state}>
      {line}
    </p>
  );
}
