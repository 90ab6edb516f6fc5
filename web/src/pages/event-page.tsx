import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { Agreement } from '../../../src/core/agreement/types.ts';
import { eventKindLabel } from '../../../src/core/figures/event-kind-label.ts';
import { canonicalize } from '../../../src/core/ledger/canonical-json.ts';
import type { SignedEvent } from '../../../src/core/ledger/event.ts';
import { api, type LogSummary } from '../api.ts';
import { Marked } from '../components/cite.tsx';
import { EventItem } from '../components/event-feed.tsx';
import { ProvenanceBanner } from '../components/provenance-banner.tsx';
import { useI18n } from '../i18n/context.ts';
import type { MessageKey } from '../i18n/messages-en.ts';
import { Rich } from '../i18n/rich.tsx';
import type { Localized } from '../i18n/translate.ts';
import { agreementNames, nameField, type RegisteredActor } from '../model/names.ts';
import { Link } from '../navigation.tsx';
import type { ProofResult } from '../proof/proof-result.ts';
import { useFetch } from '../use-fetch.ts';

// The verifier (src/core ledger and crypto) is loaded only on this page.
const ProofPanel = lazy(() => import('../proof/index.ts').then((m) => ({ default: m.ProofPanel })));

/**
 * One event and the panel that checks in this browser that it is in the log. What the event says
 * is shown from the proof's result only, once every check passed: the copy whose bytes were
 * hashed, proven and signature-checked is the copy on the page, and there is no other. A server
 * that alters the event gets a failed proof and no text shown.
 */
export function EventPage({ logId, leafHash }: { logId: string; leafHash: string }) {
  const { t } = useI18n();
  const [result, setResult] = useState<ProofResult | null>(null);
  // The agreement of the same id gives the time zone to show times in and the names of ids.
  const agreement = useFetch(`agreement:${logId}`, () =>
    api.agreement(logId).then(
      (a): Agreement | null => a,
      () => null,
    ),
  );
  // Where the log comes from, said above everything taken from it (nothing when it cannot be read).
  const log = useFetch(`log:${logId}`, () =>
    api.log(logId).then(
      (l): LogSummary | null => l,
      () => null,
    ),
  );
  const proven = result?.verified && result.event && result.index !== undefined ? result : null;
  useEffect(() => {
    if (!proven) document.title = `${t('event.unverifiedTitle')} · Truce`;
  }, [proven, t]);
  return (
    <article className="event-page">
      <ProvenanceBanner provenance={log.state === 'ready' ? log.data?.provenance : undefined} />
      <p>
        <Link href={`/agreements/${encodeURIComponent(logId)}`}>
          {t('nav.back')} {t('event.back')}
        </Link>
      </p>
      {proven ? (
        <EventView
          logId={logId}
          leafHash={leafHash}
          index={proven.index!}
          event={proven.event!}
          actorKey={proven.actor?.keyId ?? proven.event!.signature.key}
          agreement={agreement.state === 'ready' ? agreement.data : null}
          actors={log.state === 'ready' ? log.data?.actors : undefined}
        />
      ) : (
        <>
          <h1>{t('event.unverifiedTitle')}</h1>
          <p
            data-testid="event-withheld"
            data-state={result === null ? 'pending' : 'failed'}
            className="muted"
          >
            {result === null ? t('event.checking') : t('event.withheld')}
          </p>
        </>
      )}
      <Suspense fallback={<p role="status">…</p>}>
        <ProofPanel logId={logId} leafHash={leafHash} onResult={setResult} />
      </Suspense>
    </article>
  );
}

/** The event as the proof verified it: its index, kind, signer, fields and canonical bytes. */
function EventView({
  logId,
  leafHash,
  index,
  event,
  actorKey,
  agreement,
  actors,
}: {
  logId: string;
  leafHash: string;
  index: number;
  event: SignedEvent;
  actorKey: string;
  agreement: Agreement | null;
  actors?: RegisteredActor[] | undefined;
}) {
  const names = useMemo(
    () => (agreement ? agreementNames(agreement, actors) : new Map<string, Localized>()),
    [agreement, actors],
  );
  const { t, text, lang } = useI18n();
  const e = event.event;
  useEffect(() => {
    document.title = `${t('event.title', { index })} · Truce`;
  }, [index, t]);
  return (
    <div data-testid="event-verified">
      <h1>
        {t('event.title', { index })}:{' '}
        {t(`eventKind.${eventKindLabel(agreement, e.kind, e.body)}` as MessageKey)}
      </h1>
      <p>
        <Rich
          k="event.inLog"
          params={{ index: String(index) }}
          nodes={{ log: <Marked text={agreement ? text(agreement.title) : logId} lang={lang} /> }}
        />
      </p>
      <p>
        <Rich
          k="event.signedBy"
          nodes={{
            actor: <Marked text={nameField(names, 'actor', e.actor, text)} lang={lang} />,
            key: (
              <code title={actorKey} lang="und-Latn" translate="no">
                {actorKey}
              </code>
            ),
          }}
        />
      </p>
      <ol className="feed">
        <EventItem
          entry={{ index, leafHash, event }}
          logId={logId}
          timeZone={agreement?.timeZone ?? 'UTC'}
          names={names}
          agreement={agreement}
        />
      </ol>
      <details>
        <summary>{t('event.body')}</summary>
        <pre className="canonical" dir="ltr" lang="en" data-testid="event-canonical">
          {canonicalize(event)}
        </pre>
      </details>
    </div>
  );
}
