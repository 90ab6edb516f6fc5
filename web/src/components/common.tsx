import type { ReactNode } from 'react';
import type { Agreement } from '../../../src/core/agreement/types.ts';
import type { Status } from '../../../src/core/compliance/types.ts';
import type { ReleaseFigure } from '../../../src/core/figures/headline-figures.ts';
import { namesOf } from '../../../src/core/words/agreement-names.ts';
import type { Explanation } from '../../../src/core/words/phrase.ts';
import { useI18n } from '../i18n/context.ts';
import type { MessageKey } from '../i18n/messages-en.ts';
import type { Localized } from '../i18n/translate.ts';
import { partyName } from '../model/party-name.ts';
import type { Loaded } from '../use-fetch.ts';
import { Marked } from './cite.tsx';
import { Evidence, type EvidenceList } from './evidence.tsx';
import { ExplanationText } from './explanation.tsx';

/** Shows loading and errors of `loaded`, and `children(data)` once it is there. */
export function Await<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ReactNode }) {
  const { t } = useI18n();
  if (loaded.state === 'loading')
    return (
      <p role="status" className="muted">
        {t('common.loading')}
      </p>
    );
  if (loaded.state === 'error')
    return (
      <div role="alert" className="error">
        <p>{t('common.error', { detail: loaded.error.message })}</p>
        <button type="button" onClick={loaded.retry}>
          {t('common.retry')}
        </button>
      </div>
    );
  return <>{children(loaded.data)}</>;
}

/** A status in words and colour (the word carries the meaning; the colour only repeats it). */
export function StatusBadge({ status, uncertain }: { status: Status; uncertain?: boolean | undefined }) {
  const { t } = useI18n();
  return (
    <>
      <span className={`status status-${status}`} data-status={status}>
        {t(`status.${status}` as MessageKey)}
      </span>
      {/* A status that rests on an uncertain term carries its ⚠, as in the CLI and the report. */}
      {uncertain ? (
        <>
          {' '}
          <Uncertain note={t('status.rests-on-uncertain')} />
        </>
      ) : null}
    </>
  );
}

/**
 * What the ⚠ of a table means, said once under it in words (a badge's title is read only on
 * hover, which a phone does not have): a term sources disagree on or that is not confirmed, and
 * every status that rests on one.
 */
export function UncertainLegend() {
  const { t } = useI18n();
  return (
    <p className="muted legend" data-testid="uncertain-legend">
      ⚠ {t('legend.uncertain')}
    </p>
  );
}

/** The ⚠ mark of a term that public sources disagree on. */
export function Uncertain({ note }: { note?: string | undefined }) {
  const { t, isolate } = useI18n();
  // The note is the agreement's words (or a sentence of the page's, isolated all the same).
  const label = note ? `${t('common.uncertain')}: ${isolate(note)}` : t('common.uncertain');
  return (
    <span className="uncertain" role="img" aria-label={label} title={label}>
      ⚠
    </span>
  );
}

/**
 * The ⚠ of a figure recorded as approximate ("about 250"), or that adds one up: before the figure,
 * titled in the reader's language (the figure itself stays the number recorded).
 */
export function Approximate({ uncertain }: { uncertain: boolean | undefined }) {
  const { t } = useI18n();
  if (!uncertain) return null;
  return (
    <>
      <span
        className="uncertain"
        role="img"
        aria-label={t('figure.approximate')}
        title={t('figure.approximate')}
        data-approximate="true"
      >
        ⚠
      </span>{' '}
    </>
  );
}

/** The name of a party of the agreement in the chosen language (see partyName: several bound together each named). */
export function usePartyName(agreement: Agreement): (id: string) => string {
  const { text, lang } = useI18n();
  return partyName(agreement, text, lang);
}

/** The agreement's own word for the persons a party holds (plural), when it gives one. */
export function heldTerm(
  agreement: Agreement,
  heldBy: string,
  text: (v: Agreement['title']) => string,
): string | null {
  const term = agreement.terms?.find((x) => x.heldBy === heldBy);
  return term ? text(term.plural) : null;
}

/**
 * What a headline release counts, in words: "Released by Hamas (hostages)"; a side the headline
 * model marks as handing over remains (core's returnedRemains) is "Returned by Hamas (Remains of
 * deceased hostages)", by the names of its categories.
 */
export function useReleasedLabel(
  agreement: Agreement,
): (r: Pick<ReleaseFigure, 'provision' | 'party' | 'remains'>) => string {
  const { t, text, lang, isolate } = useI18n();
  const party = usePartyName(agreement);
  return (r) => {
    if (r.remains) {
      const names = namesOf(agreement, lang);
      const categories = r.remains.map((c) => isolate(names.category(c, r.provision)));
      return `${t('figures.returned', { party: party(r.party) })} (${categories.join(lang === 'ar' ? '، ' : ', ')})`;
    }
    const term = heldTerm(agreement, r.party, text);
    const label = `${t('figures.released', { party: party(r.party) })}${term ? ` (${term})` : ''}`;
    // A side in several exchanges (phase 1, phase 2, remains): each card names its exchange.
    const exchanges = agreement.provisions.filter(
      (p) => p.kind === 'exchange' && (p.release.party === r.party || p.counterpart.party === r.party),
    );
    return exchanges.length > 1
      ? `${label} · ${isolate(namesOf(agreement, lang).provision(r.provision))}`
      : label;
  };
}

/** A problem the reader must see (role="alert"), or nothing when there is none. */
export function ErrorAlert({ message }: { message: string | null }) {
  return message ? (
    <p role="alert" className="error">
      {message}
    </p>
  ) : null;
}

/** The status, explanation and evidence cells of a row; the `empty…` props stand in for what is missing. */
export function StatusCells({
  logId,
  asOf,
  agreement,
  status,
  emptyStatus,
  emptyExplanation,
}: {
  logId: string | null;
  /** The moment the status was judged at: its evidence is asked for as of then. */
  asOf: string | null;
  agreement: Agreement;
  status: ({ status: Status; uncertain?: true; explanation: Explanation } & EvidenceList) | null | undefined;
  emptyStatus: ReactNode;
  emptyExplanation: ReactNode;
}) {
  const { t, lang } = useI18n();
  return (
    <>
      <td data-label={t('provisions.status')}>
        {status ? <StatusBadge status={status.status} uncertain={status.uncertain} /> : emptyStatus}
      </td>
      <td className="explanation" data-label={t('provisions.explanation')}>
        {status ? (
          <ExplanationText explanation={status.explanation} agreement={agreement} />
        ) : typeof emptyExplanation === 'string' ? (
          // The agreement's note, as it gives it.
          <Marked text={emptyExplanation} lang={lang} />
        ) : (
          // The plan's line, in the reader's language.
          emptyExplanation
        )}
      </td>
      <td data-label={t('provisions.evidence')}>
        <Evidence logId={logId} asOf={asOf} list={status} />
      </td>
    </>
  );
}

/** A figure and the unit it counts, pluralised in the chosen language. */
export function Quantity({ n, unit }: { n: number; unit: string }) {
  const { t, fmt, isolate } = useI18n();
  const key = `unit.${unit}` as MessageKey;
  const known = [
    'person',
    'remains',
    'truck',
    'litre',
    'patient',
    'companion',
    'resident',
    'tent',
    'home',
    'ship',
    'zone',
  ].includes(unit);
  // A unit the catalogs do not know is the agreement's own word for it.
  return <>{known ? t(key, { n }) : `${fmt.number(n)} ${isolate(unit)}`}</>;
}

/** The label an agreement gives a quota line or a category (in the reader's language), else its id. */
export function termLabel(
  agreement: Agreement,
  id: string,
  text: (v: Localized | undefined, f?: string) => string,
): string {
  for (const p of agreement.provisions) {
    if (p.kind === 'aid') {
      const q = [...p.perDay, ...(p.extra ?? [])].find((x) => x.id === id);
      if (q?.label) return text(q.label, id);
    }
    if (p.kind === 'exchange') {
      const cats = [...p.release.categories, ...(p.counterpart.categories ?? [])];
      const c = cats.find((x) => x.id === id);
      if (c) return text(c.label, id);
    }
  }
  return text(undefined, id);
}
