import type { AgreementData } from '../agreement-data.ts';
import { useI18n } from '../i18n/context.ts';
import { headlineOf } from '../model/headline.ts';
import { heldTerm, Quantity, termLabel, Uncertain, usePartyName } from './common.tsx';

/** Released by each side against the plan; aid against the quota, and what each source says, apart. */
export function HeadlineFigures({ data }: { data: AgreementData }) {
  const { t, text, fmt } = useI18n();
  const party = usePartyName(data.agreement);
  if (!data.evaluation) return <PlannedFigures data={data} />;
  const h = headlineOf(data.agreement, data.evaluation);
  return (
    <section aria-labelledby="headline-h" data-testid="headline-figures">
      <h2 id="headline-h">{t('agreement.headline')}</h2>
      <div className="tiles">
        {h.releases.map((r) => (
          <div className="tile" key={`${r.provision}-${r.party}`}>
            <p className="tile-label">
              {t('figures.released', { party: party(r.party) })}
              {heldTerm(data.agreement, r.party, text) ? ` (${heldTerm(data.agreement, r.party, text)})` : ''}
            </p>
            <p className="tile-figure">{fmt.number(r.counted)}</p>
            <p className="muted">{t('figures.ofPlanned', { total: r.dueSoFar })}</p>
            {r.outside > 0 ? <p className="muted">{t('figures.outside', { n: r.outside })}</p> : null}
          </div>
        ))}
      </div>
      {h.quotas.length > 0 ? (
        <>
          <h3>{t('figures.aid')}</h3>
          <table className="grid">
            <thead>
              <tr>
                <th scope="col">{t('provisions.provision')}</th>
                <th scope="col">{t('figures.recorded')}</th>
                <th scope="col">{t('figures.quota')}</th>
              </tr>
            </thead>
            <tbody>
              {h.quotas.map((q) => (
                <tr key={q.quota}>
                  <th scope="row">
                    {termLabel(data.agreement, q.quota, text)} {q.uncertain ? <Uncertain /> : null}
                  </th>
                  <td>
                    <Quantity n={q.done} unit={q.unit} />
                  </td>
                  <td>
                    <Quantity n={q.dueSoFar} unit={q.unit} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {h.sources.length > 0 ? (
        <>
          <h3>{t('figures.perSource')}</h3>
          <table className="grid">
            <thead>
              <tr>
                <th scope="col">{t('figures.source')}</th>
                <th scope="col">{t('agreement.days')}</th>
                <th scope="col">{t('figures.recorded')}</th>
                <th scope="col">{t('figures.quota')}</th>
              </tr>
            </thead>
            <tbody>
              {h.sources.map((s) => (
                <tr key={`${s.source}-${s.unit}-${s.category}`}>
                  <th scope="row">
                    {s.source}{' '}
                    {s.conflicting ? <span className="tag">{t('figures.conflicting')}</span> : null}
                  </th>
                  <td>{s.days.map((d) => fmt.calendarDate(d)).join(', ')}</td>
                  <td>
                    <Quantity n={s.quantity} unit={s.unit} /> ({s.category})
                  </td>
                  <td>
                    <Quantity n={s.quota} unit={s.unit} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}

/** Without a log: what the plan asks of each side in all, per unit (persons, trucks, litres…). */
function PlannedFigures({ data }: { data: AgreementData }) {
  const { t, text, fmt } = useI18n();
  const party = usePartyName(data.agreement);
  const totals = data.plan.totals;
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
                  ? `${t('figures.toRelease', { party: party(x.party) })}${term ? ` (${term})` : ''}`
                  : `${party(x.party)} — ${termLabel(data.agreement, x.category, text)}`}
              </p>
              <p className="tile-figure">
                {x.atLeast ? '≥ ' : ''}
                {fmt.number(x.quantity)}
                {x.quantityMax !== undefined ? `–${fmt.number(x.quantityMax)}` : ''}
              </p>
              <p className="muted">
                <Quantity n={x.quantityMax ?? x.quantity} unit={x.unit} />
              </p>
            </div>
          );
        })}
      </div>
    </section>
  );
}
