import { lazy, Suspense, useEffect, useMemo } from 'react';
import type { Agreement } from '../../../src/core/agreement/types.ts';
import { canonicalize } from '../../../src/core/ledger/canonical-json.ts';
import { api, type OneEvent } from '../api.ts';
import { Await } from '../components/common.tsx';
import { EventItem } from '../components/event-feed.tsx';
import { useI18n } from '../i18n/context.ts';
import type { MessageKey } from '../i18n/messages-en.ts';
import { agreementNames } from '../model/names.ts';
import { Link } from '../navigation.tsx';
import { useFetch } from '../use-fetch.ts';

// The verifier (src/core ledger and crypto) is loaded only on this page.
const ProofPanel = lazy(() => import('../proof/index.ts').then((m) => ({ default: m.ProofPanel })));

/** One event, what it says, and the panel that checks in this browser that it is in the log. */
export function EventPage({ logId, leafHash }: { logId: string; leafHash: string }) {
  const loaded = useFetch(`event:${logId}:${leafHash}`, () =>
    Promise.all([
      api.event(logId, leafHash),
      // The agreement of the same id gives the time zone to show times in and the names of ids; without it, UTC and ids.
      api.agreement(logId).then(
        (a) => a,
        () => null,
      ),
    ]),
  );
  return (
    <article className="event-page">
      <Await loaded={loaded}>{([one, agreement]) => <EventView one={one} agreement={agreement} />}</Await>
      <Suspense fallback={<p role="status">…</p>}>
        <ProofPanel logId={logId} leafHash={leafHash} />
      </Suspense>
    </article>
  );
}

function EventView({ one, agreement }: { one: OneEvent; agreement: Agreement | null }) {
  const names = useMemo(() => (agreement ? agreementNames(agreement) : new Map()), [agreement]);
  const { t } = useI18n();
  const e = one.event.event;
  useEffect(() => {
    document.title = `${t('event.title', { index: one.index })} · Truce`;
  }, [one, t]);
  return (
    <>
      <p>
        <Link href={`/agreements/${encodeURIComponent(one.log)}`}>
          {t('nav.back')} {t('event.back')}
        </Link>
      </p>
      <h1>
        {t('event.title', { index: one.index })}: {t(`eventKind.${e.kind}` as MessageKey)}
      </h1>
      <p>{t('event.inLog', { log: one.log, index: String(one.index) })}</p>
      <p>{t('event.signedBy', { actor: e.actor, key: one.event.signature.key })}</p>
      <ol className="feed">
        <EventItem entry={one} logId={one.log} timeZone={agreement?.timeZone ?? 'UTC'} names={names} />
      </ol>
      <details>
        <summary>{t('event.body')}</summary>
        <pre className="canonical" dir="ltr" lang="en">
          {canonicalize(one.event)}
        </pre>
      </details>
    </>
  );
}
