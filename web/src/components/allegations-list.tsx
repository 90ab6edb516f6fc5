import { useContext } from 'react';
import { ALLEGATION_STATES } from '../../../src/core/compliance/allegation-summary.ts';
import type { AgreementData } from '../agreement-data.ts';
import { api, type ServedAllegation } from '../api.ts';
import { useI18n } from '../i18n/context.ts';
import type { MessageKey } from '../i18n/messages-en.ts';
import { Rich } from '../i18n/rich.tsx';
import { allegationStateText } from '../model/allegation-state.ts';
import { nameField } from '../model/names.ts';
import { Link } from '../navigation.tsx';
import { Marked } from './cite.tsx';
import { CursorPages, EVIDENCE_MORE } from './cursor-pages.tsx';
import { EvidenceScope } from './evidence.tsx';

/**
 * Every allegation of the log, as the status counts them (how many, in each state) and, read a page
 * at a time from GET /api/logs/{id}/allegations at the status's moment, each one: who alleges what
 * against whom, when, and where it stands. The status lists only the latest few; this lists them all.
 */
export function AllegationsList({ data }: { data: AgreementData }) {
  const { t } = useI18n();
  const s = data.evaluation?.allegations;
  if (!data.log || !data.evaluation || !s) return null;
  const states = ALLEGATION_STATES.filter((x) => s.states[x] > 0).map((x) =>
    t('allegations.inState', { state: t(`allegationState.${x}` as MessageKey), n: s.states[x] }),
  );
  return (
    <section aria-labelledby="allegations-h" data-testid="allegations">
      <h2 id="allegations-h">{t('allegations.title')}</h2>
      <p data-testid="allegations-count">
        {t('allegations.count', { n: s.count })}
        {states.length ? ` (${states.join(t('allegations.sep'))})` : ''}
      </p>
      {s.count > 0 ? (
        <AllegationPages key={data.evaluation.asOf} logId={data.log.id} asOf={data.evaluation.asOf} />
      ) : null}
    </section>
  );
}

/** Every allegation, a page at a time (GET /api/logs/{id}/allegations at the status's moment). */
function AllegationPages({ logId, asOf }: { logId: string; asOf: string }) {
  const { t } = useI18n();
  return (
    <CursorPages<ServedAllegation>
      className="allegations"
      testId="allegation-list"
      listKey={`allegations:${logId}:${asOf}`}
      load={(limit, cursor) =>
        api.allegations(logId, asOf, limit, cursor).then((p) => ({ ...p, items: p.allegations }))
      }
      item={(a) => (
        <li key={a.evidenceRef} data-testid="allegation-item">
          <AllegationItem logId={logId} allegation={a} />
        </li>
      )}
      more={(page, shown, ask) => (
        <>
          <span className="muted" data-testid="allegations-shown">
            {t('allegations.shown', { shown, n: page.count })}
          </span>{' '}
          <button type="button" className="link" data-testid="allegations-more" onClick={ask}>
            {t('allegations.more', { n: Math.min(EVIDENCE_MORE, Math.max(page.count - shown, 1)) })}
          </button>
        </>
      )}
    />
  );
}

/** "No. 71 — Israel alleges against Hamas (Ceasefire), 26 Nov 10:00: “…” — not answered". */
function AllegationItem({ logId, allegation: a }: { logId: string; allegation: ServedAllegation }) {
  const { t, fmt, text, lang } = useI18n();
  const scope = useContext(EvidenceScope);
  const names = scope?.names ?? new Map();
  const hash = a.evidenceRef.slice('allegation:'.length);
  const time = a.at && scope ? fmt.dateTime(a.at, scope.timeZone) : (a.at ?? '');
  return (
    <>
      <Link href={`/logs/${encodeURIComponent(logId)}/events/${hash}`} title={hash} data-index={a.index}>
        {t('allegations.number', { index: a.index })}
      </Link>{' '}
      <Rich
        k={a.provision ? 'allegations.itemOn' : 'allegations.item'}
        params={{
          time,
          state: allegationStateText(a, t, (id) => nameField(names, 'actor', id, text)),
        }}
        nodes={{
          by: <Marked text={nameField(names, 'actor', a.by, text)} lang={lang} />,
          against: <Marked text={nameField(names, 'against', a.against, text)} lang={lang} />,
          provision: a.provision ? (
            <Marked text={nameField(names, 'provision', a.provision, text)} lang={lang} />
          ) : null,
          description: <Marked text={a.description} lang={lang} />,
        }}
      />
    </>
  );
}
