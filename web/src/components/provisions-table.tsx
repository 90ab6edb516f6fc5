import type { Provision } from '../../../src/core/agreement/types.ts';
import { restsOnUncertainParty } from '../../../src/core/agreement/uncertain-party.ts';
import type { AgreementData } from '../agreement-data.ts';
import { useI18n } from '../i18n/context.ts';
import { Rich } from '../i18n/rich.tsx';
import { Cite } from './cite.tsx';
import { StatusCells, Uncertain, UncertainLegend } from './common.tsx';

/** Every provision: its status, the explanation of it and the events it rests on. */
export function ProvisionsTable({ data }: { data: AgreementData }) {
  const { t, text } = useI18n();
  const statuses = new Map((data.evaluation?.provisions ?? []).map((p) => [p.provision, p]));
  const titleOf = (p: Provision) => text(p.title, p.id);
  // A term is marked when the agreement marks it, or a party acting in it (its consequences carry the mark).
  const uncertainTerm = (p: Provision) => p.uncertain === true || restsOnUncertainParty(data.agreement, p);
  const marked =
    data.agreement.provisions.some(uncertainTerm) ||
    (data.evaluation?.provisions ?? []).some((p) => p.uncertain);
  return (
    <section aria-labelledby="provisions-h">
      <h2 id="provisions-h">{t('agreement.provisions')}</h2>
      <div className="table-scroll">
        <table className="grid provisions stack" data-testid="provisions-table">
          <thead>
            <tr>
              <th scope="col">{t('provisions.provision')}</th>
              <th scope="col">{t('provisions.status')}</th>
              <th scope="col">{t('provisions.explanation')}</th>
              <th scope="col">{t('provisions.evidence')}</th>
            </tr>
          </thead>
          <tbody>
            {data.agreement.provisions.map((p) => {
              const s = statuses.get(p.id);
              return (
                <tr
                  key={p.id}
                  data-testid="provision-row"
                  data-provision={p.id}
                  data-status={s?.status ?? ''}
                >
                  <th scope="row">
                    {titleOf(p)} {uncertainTerm(p) ? <Uncertain note={p.note} /> : null}
                    {p.source ? (
                      <p className="source">
                        <Rich k="common.source" nodes={{ source: <Cite>{p.source}</Cite> }} />
                      </p>
                    ) : null}
                  </th>
                  <StatusCells
                    logId={data.log?.id ?? null}
                    asOf={data.evaluation?.asOf ?? null}
                    agreement={data.agreement}
                    status={s}
                    emptyStatus={<span className="muted">—</span>}
                    emptyExplanation={p.note ?? ''}
                  />
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {marked ? <UncertainLegend /> : null}
    </section>
  );
}
