import { useContext, useState } from 'react';
import { ALLEGATION_STATES } from '../../../src/core/compliance/allegation-summary.ts';
import type { AgreementData } from '../agreement-data.ts';
import { api, type ServedAllegation } from '../api.ts';
import { useI18n } from '../i18n/context.ts';
import type { MessageKey } from '../i18n/messages-en.ts';
import { Rich } from '../i18n/rich.tsx';
import { nameField } from '../model/names.ts';
import { Link } from '../navigation.tsx';
import { useFetch } from '../use-fetch.ts';
import { Marked } from './cite.tsx';
import { EVIDENCE_MORE, EVIDENCE_SHOWN, EvidenceScope } from './evidence.tsx';

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

/** The pages asked for so far: the first, then one more for each "more" (each by its cursor). */
function AllegationPages({ logId, asOf }: { logId: string; asOf: string }) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return (
    <ul className="allegations" data-testid="allegation-list">
      {cursors.map((cursor, k) => (
        <AllegationPage
          key={cursor ?? ''}
          logId={logId}
          asOf={asOf}
          cursor={cursor}
          before={k === 0 ? 0 : EVIDENCE_SHOWN + (k - 1) * EVIDENCE_MORE}
          limit={k === 0 ? EVIDENCE_SHOWN : EVIDENCE_MORE}
          onMore={k === cursors.length - 1 ? (next) => setCursors((c) => [...c, next]) : null}
        />
      ))}
    </ul>
  );
}

function AllegationPage({
  logId,
  asOf,
  cursor,
  before,
  limit,
  onMore,
}: {
  logId: string;
  asOf: string;
  cursor: string | null;
  before: number;
  limit: number;
  onMore: ((next: string) => void) | null;
}) {
  const { t } = useI18n();
  const loaded = useFetch(`allegations:${logId}:${asOf}:${cursor ?? ''}:${limit}`, () =>
    api.allegations(logId, asOf, limit, cursor),
  );
  if (loaded.state === 'loading')
    return (
      <li role="status" className="muted">
        {t('common.loading')}
      </li>
    );
  if (loaded.state === 'error')
    return (
      <li role="alert" className="error">
        {t('common.error', { detail: loaded.error.message })}{' '}
        <button type="button" className="link" onClick={loaded.retry}>
          {t('common.retry')}
        </button>
      </li>
    );
  const page = loaded.data;
  const shown = before + page.allegations.length;
  return (
    <>
      {page.allegations.map((a) => (
        <li key={a.evidenceRef} data-testid="allegation-item">
          <AllegationItem logId={logId} allegation={a} />
        </li>
      ))}
      {onMore && page.next !== null ? (
        <li>
          <span className="muted" data-testid="allegations-shown">
            {t('allegations.shown', { shown, n: page.count })}
          </span>{' '}
          <button
            type="button"
            className="link"
            data-testid="allegations-more"
            onClick={() => onMore(page.next!)}
          >
            {t('allegations.more', { n: Math.min(EVIDENCE_MORE, Math.max(page.count - shown, 1)) })}
          </button>
        </li>
      ) : null}
    </>
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
        params={{ time, state: t(`allegationState.${a.state}` as MessageKey) }}
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
