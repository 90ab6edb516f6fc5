import { useEffect } from 'react';
import { type AgreementData, loadAgreement } from '../agreement-data.ts';
import { type AgreementSummary, api } from '../api.ts';
import {
  Approximate,
  Await,
  heldTerm,
  UncertainLegend,
  usePartyName,
  useReleasedLabel,
} from '../components/common.tsx';
import { PlannedToDate, ReleaseDisputes, StatedTotal } from '../components/headline-figures.tsx';
import { PhaseLine } from '../components/phase-line.tsx';
import { ProvenanceBanner } from '../components/provenance-banner.tsx';
import { useI18n } from '../i18n/context.ts';
import { Link } from '../navigation.tsx';
import { useFetch } from '../use-fetch.ts';

export function HomePage() {
  const { t } = useI18n();
  const list = useFetch('agreements', api.agreements);
  useEffect(() => {
    document.title = `${t('home.title')} · Truce`;
  }, [t]);
  return (
    <section>
      <h1>{t('home.title')}</h1>
      <Await loaded={list}>
        {(agreements) =>
          agreements.length === 0 ? (
            <p>{t('home.empty')}</p>
          ) : (
            <ul className="cards">
              {agreements.map((a) => (
                <AgreementCard key={a.id} summary={a} />
              ))}
            </ul>
          )
        }
      </Await>
    </section>
  );
}

function AgreementCard({ summary }: { summary: AgreementSummary }) {
  const { t, text } = useI18n();
  const data = useFetch(`agreement:${summary.id}`, () => loadAgreement(summary.id));
  const href = `/agreements/${encodeURIComponent(summary.id)}`;
  return (
    <li className="card" data-testid="agreement-card" data-id={summary.id}>
      <p className="kind">{t(summary.kind === 'agreement' ? 'kind.agreement' : 'kind.proposal')}</p>
      <h2>
        <Link href={href}>{text(summary.title)}</Link>
      </h2>
      <Await loaded={data}>{(d) => <CardBody data={d} />}</Await>
    </li>
  );
}

/** "To be released by X (the agreement's term): " */
function Labelled({ label, term }: { label: string; term: string | null }) {
  return (
    <>
      {label}
      {term ? ` (${term})` : ''}:{' '}
    </>
  );
}

function CardBody({ data }: { data: AgreementData }) {
  const { t, text, fmt } = useI18n();
  const party = usePartyName(data.agreement);
  // The server's, from the whole evaluation (the status it serves counts the evidence).
  const headline = data.evaluation?.headline ?? null;
  const releasedLabel = useReleasedLabel(data.agreement);
  return (
    <>
      <ProvenanceBanner provenance={data.log?.provenance} />
      <PhaseLine data={data} />
      {headline ? (
        <ul className="figures-inline">
          {headline.releases.map((r) => (
            <li key={`${r.provision}-${r.party}`}>
              {releasedLabel(r)}:{' '}
              <strong
                data-figure={`release:${r.provision}:${r.party}`}
                data-value={r.counted ?? 'unrecorded'}
              >
                {r.counted === null ? (
                  t('figures.unrecorded')
                ) : (
                  <>
                    <Approximate uncertain={r.countedUncertain} />
                    {fmt.number(r.counted)}
                  </>
                )}
              </strong>{' '}
              <span className="muted" data-uncertain={r.uncertain ? 'true' : undefined}>
                <PlannedToDate figure={r} />
              </span>
              <StatedTotal values={r.statedTotal} against={r.byRatio} id={`${r.provision}:${r.party}`} />
              <ReleaseDisputes disputes={r.disputes} agreement={data.agreement} />
            </li>
          ))}
        </ul>
      ) : (
        <ul className="figures-inline">
          {data.plan.totals
            .filter((x) => x.unit === 'person')
            .map((x) => (
              <li key={`${x.party}-${x.category}`}>
                <Labelled
                  label={t('figures.toRelease', { party: party(x.party) })}
                  term={heldTerm(data.agreement, x.party, text)}
                />
                <strong>{fmt.number(x.quantity)}</strong>
              </li>
            ))}
          <li className="muted">{t('home.noLog')}</li>
        </ul>
      )}
      {headline?.releases.some((r) => r.uncertain || r.countedUncertain) ? <UncertainLegend /> : null}
    </>
  );
}
