import { createContext, useContext, useState } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n/context.ts';
import type { MessageKey } from '../i18n/messages-en.ts';
import { Rich } from '../i18n/rich.tsx';
import { type Localized, nameField } from '../model/names.ts';
import { Link } from '../navigation.tsx';
import { useFetch } from '../use-fetch.ts';
import { Marked } from './cite.tsx';

/** How many evidence events are listed at first; the rest on request. */
export const EVIDENCE_SHOWN = 10;

/** What evidence is named with: the agreement's zone for times, and its names for actors. */
export const EvidenceScope = createContext<{ timeZone: string; names: Map<string, Localized> } | null>(null);

/**
 * The events an explanation rests on, read as a reader reads them: "No. 27 — Handover confirmed,
 * 25 Nov 21:00, recorded by ICRC". Each links to the event and its proof; its hash is behind the link
 * (its title), never the text. The events are read only when the list is opened.
 */
export function Evidence({ logId, hashes }: { logId: string | null; hashes: string[] }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [shown, setShown] = useState(EVIDENCE_SHOWN);
  if (hashes.length === 0) return <span className="muted">{t('count.evidence', { n: 0 })}</span>;
  return (
    <details className="evidence" data-testid="evidence" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('count.evidence', { n: hashes.length })}</summary>
      {open ? (
        <ul>
          {hashes.slice(0, shown).map((h) => (
            <li key={h}>
              {logId ? (
                <EvidenceEvent logId={logId} hash={h} />
              ) : (
                <span title={h}>{t('evidence.unread')}</span>
              )}
            </li>
          ))}
          {hashes.length > shown ? (
            <li>
              <button type="button" className="link" onClick={() => setShown((n) => n + EVIDENCE_SHOWN * 5)}>
                {t('evidence.more', { n: hashes.length - shown })}
              </button>
            </li>
          ) : null}
        </ul>
      ) : null}
    </details>
  );
}

/** One evidence event by its number, kind, time and who recorded it. */
function EvidenceEvent({ logId, hash }: { logId: string; hash: string }) {
  const { t, fmt, text, lang } = useI18n();
  const scope = useContext(EvidenceScope);
  const loaded = useFetch(`evidence:${logId}:${hash}`, () => api.event(logId, hash));
  const href = `/logs/${encodeURIComponent(logId)}/events/${hash}`;
  if (loaded.state !== 'ready') {
    return (
      <Link href={href} title={hash} data-testid="evidence-item">
        {loaded.state === 'loading' ? t('common.loading') : t('evidence.unread')}
      </Link>
    );
  }
  const e = loaded.data.event.event;
  const actor = nameField(scope?.names ?? new Map(), 'actor', e.actor, text);
  const time = scope ? fmt.dateTime(e.occurredAt, scope.timeZone) : e.occurredAt;
  return (
    <Link href={href} title={hash} data-testid="evidence-item" data-index={loaded.data.index}>
      <Rich
        k="evidence.item"
        params={{ index: loaded.data.index, kind: t(`eventKind.${e.kind}` as MessageKey), time }}
        nodes={{ actor: <Marked text={actor} lang={lang} /> }}
      />
    </Link>
  );
}
