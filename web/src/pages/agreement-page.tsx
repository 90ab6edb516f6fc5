import { useEffect, useMemo } from 'react';
import type { Agreement } from '../../../src/core/agreement/types.ts';
import { readingYear } from '../../../src/core/words/reading-year.ts';
import { type AgreementData, loadAgreement } from '../agreement-data.ts';
import { AllegationsList } from '../components/allegations-list.tsx';
import { Marked } from '../components/cite.tsx';
import { Await, Uncertain } from '../components/common.tsx';
import { CumulativeCharts } from '../components/cumulative-charts.tsx';
import { DayList } from '../components/day-list.tsx';
import { EventFeed } from '../components/event-feed.tsx';
import { EvidenceScope } from '../components/evidence.tsx';
import { HeadlineFigures } from '../components/headline-figures.tsx';
import { PhaseLine } from '../components/phase-line.tsx';
import { PhaseTimeline } from '../components/phase-timeline.tsx';
import { ProvenanceBanner } from '../components/provenance-banner.tsx';
import { ProvisionsTable } from '../components/provisions-table.tsx';
import { ReadingYear } from '../components/reading-year.ts';
import { useI18n } from '../i18n/context.ts';
import type { MessageKey } from '../i18n/messages-en.ts';
import { agreementNames } from '../model/names.ts';
import { Link } from '../navigation.tsx';
import { useFetch } from '../use-fetch.ts';

export function AgreementPage({ id }: { id: string }) {
  const loaded = useFetch(`agreement:${id}`, () => loadAgreement(id));
  return (
    <Await loaded={loaded}>
      {(data) => (
        // The status is read in the year of its moment: dates of another year say theirs.
        <ReadingYear.Provider
          value={data.evaluation ? readingYear(data.evaluation.asOf, data.agreement.timeZone) : undefined}
        >
          <AgreementView data={data} reload={loaded.state === 'ready' ? loaded.reload : undefined} />
        </ReadingYear.Provider>
      )}
    </Await>
  );
}

function AgreementView({ data, reload }: { data: AgreementData; reload?: (() => void) | undefined }) {
  const { t, text, fmt, lang } = useI18n();
  const a = data.agreement;
  const names = useMemo(() => agreementNames(a, data.log?.actors), [a, data.log?.actors]);
  useEffect(() => {
    document.title = `${text(a.title)} · Truce`;
  }, [a, text]);
  const scope = useMemo(() => ({ timeZone: a.timeZone, names }), [a.timeZone, names]);
  return (
    <EvidenceScope.Provider value={scope}>
      <article className="agreement">
        <ProvenanceBanner provenance={data.log?.provenance} />
        <header>
          <p className="kind">{t(a.kind === 'agreement' ? 'kind.agreement' : 'kind.proposal')}</p>
          <h1>{text(a.title)}</h1>
          <PhaseLine data={data} />
          {data.evaluation ? (
            <p className="muted">
              {t('agreement.asOf', { date: fmt.dateTime(data.evaluation.asOf, a.timeZone) })} ·{' '}
              {t('count.events', { n: data.evaluation.events })} · <Marked text={a.timeZone} lang={lang} />
              {data.evaluation.adopted ? (
                <>
                  <br />
                  <span data-testid="text-in-force">
                    {t('agreement.textInForce', {
                      version:
                        typeof data.evaluation.adopted.version === 'number'
                          ? fmt.number(data.evaluation.adopted.version)
                          : data.evaluation.adopted.version,
                      date: fmt.dateTime(data.evaluation.adopted.occurredAt, a.timeZone),
                      n: fmt.number(data.evaluation.adopted.index),
                    })}
                  </span>
                </>
              ) : null}
            </p>
          ) : null}
          <p className="actions no-print">
            <button type="button" onClick={() => window.print()}>
              {t('common.print')}
            </button>{' '}
            <Link href={`/compare?a=${encodeURIComponent(a.id)}`}>{t('agreement.compareWith')}</Link>
          </p>
        </header>
        <Parties agreement={a} />
        <PhaseTimeline data={data} />
        <HeadlineFigures data={data} />
        <CumulativeCharts data={data} />
        <ProvisionsTable data={data} />
        <AllegationsList data={data} />
        <DayList data={data} />
        {data.log ? (
          <EventFeed
            logId={data.log.id}
            size={data.log.size}
            timeZone={a.timeZone}
            names={names}
            agreement={a}
            onAppend={reload}
          />
        ) : null}
      </article>
    </EvidenceScope.Provider>
  );
}

function Parties({ agreement }: { agreement: Agreement }) {
  const { t, text } = useI18n();
  return (
    <section aria-labelledby="parties-h">
      <h2 id="parties-h">{t('agreement.parties')}</h2>
      <ul className="parties">
        {agreement.parties.map((p) => {
          // A party may hold several roles (a mediator that is also a guarantor).
          const roles = typeof p.role === 'string' ? [p.role] : p.role;
          return (
            <li key={p.id} data-role={roles.join(' ')}>
              <span className="role">{roles.map((r) => t(`role.${r}` as MessageKey)).join(' · ')}</span>{' '}
              <strong>{text(p.name)}</strong>
              {/* A party the agreement marks uncertain (who it is, or its role, not confirmed). */}
              {p.uncertain ? (
                <>
                  {' '}
                  <Uncertain note={p.note} />
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
