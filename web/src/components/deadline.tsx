import { useContext } from 'react';
import { dayEndingAt } from '../../../src/core/time/zoned-time.ts';
import { formatDeadline } from '../../../src/core/words/render.ts';
import { useI18n } from '../i18n/context.ts';
import { ReadingYear } from './reading-year.ts';

/**
 * A deadline as the dashboard writes it outside an explanation: at midnight in the agreement's
 * zone, the end of the day before, in the words the explanations use (core's catalogues: "the end
 * of 16 Apr"), never the next day at 00:00, which a reader takes for a day late; at any other time,
 * the moment as `instant` writes it. Where no page gives a reading year, the day says its year, as
 * the moment does.
 */
export function DeadlineText({
  at,
  timeZone,
  instant,
}: {
  at: string;
  timeZone: string;
  instant: (iso: string) => string;
}) {
  const { lang, digits } = useI18n();
  const year = useContext(ReadingYear);
  const epoch = Date.parse(at);
  // A reading year of '' is none: every day says its year.
  return dayEndingAt(epoch, timeZone) === null
    ? instant(at)
    : formatDeadline(epoch, timeZone, lang, { digits, year: year ?? '' });
}
