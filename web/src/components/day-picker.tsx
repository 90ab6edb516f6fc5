import { type FormEvent, useId, useState } from 'react';
import { useI18n } from '../i18n/context.ts';
import { typedDate } from '../model/typed-date.ts';
import { navigate } from '../navigation.tsx';

/**
 * "Go to a day": a date typed year first (2023-11-25), the one form no reader of English, Arabic or
 * Hebrew reads in another order (a browser's date box writes 11/25/2023 or 25/11/2023 as its own
 * locale does). As it is typed, the day is named in the reader's language beside it; Enter or the
 * button opens that day's page, and what is not a date is said so, with an example.
 */
export function DayPicker({ base, date }: { base: string; date: string }) {
  const { t, fmt } = useI18n();
  const [typed, setTyped] = useState(date);
  const [refused, setRefused] = useState(false);
  // Another day's page (the previous, the next): the box shows that day.
  const [shown, setShown] = useState(date);
  if (shown !== date) {
    setShown(date);
    setTyped(date);
    setRefused(false);
  }
  const id = useId();
  const parsed = typedDate(typed);
  const example = { example: date };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (parsed === null) setRefused(true);
    else navigate(`${base}/day/${parsed}`);
  };
  return (
    <form className="day-picker" onSubmit={submit} data-testid="day-picker" noValidate>
      <label htmlFor={`${id}-date`}>{t('day.pick')}</label>{' '}
      <input
        id={`${id}-date`}
        name="date"
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        dir="ltr"
        size={11}
        value={typed}
        placeholder={date}
        title={t('day.pickHint', example)}
        aria-describedby={`${id}-hint`}
        aria-invalid={refused && parsed === null}
        onChange={(e) => {
          setTyped(e.target.value);
          setRefused(false);
        }}
      />{' '}
      <button type="submit">{t('day.pickGo')}</button>{' '}
      <span id={`${id}-hint`} className="visually-hidden">
        {t('day.pickHint', example)}
      </span>
      <span className="muted" aria-live="polite">
        {refused && parsed === null ? (
          <span role="alert" className="error" data-testid="day-picker-error">
            {t('day.pickInvalid', example)}
          </span>
        ) : parsed !== null ? (
          <output data-testid="day-picker-named" data-date={parsed}>
            {fmt.calendarDate(parsed)}
          </output>
        ) : null}
      </span>
    </form>
  );
}
