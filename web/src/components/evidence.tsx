import { createContext, useContext, useState } from 'react';
import { api, type EvidenceEvent } from '../api.ts';
import { useI18n } from '../i18n/context.ts';
import type { MessageKey } from '../i18n/messages-en.ts';
import { Rich } from '../i18n/rich.tsx';
import { type Localized, nameField } from '../model/names.ts';
import { Link } from '../navigation.tsx';
import { useFetch } from '../use-fetch.ts';
import { Marked } from './cite.tsx';

/** How many evidence events are listed at first; the rest on request, EVIDENCE_MORE at a time. */
export const EVIDENCE_SHOWN = 10;
export const EVIDENCE_MORE = 50;

/** What evidence is named with: the agreement's zone for times, and its names for actors. */
export const EvidenceScope = createContext<{ timeZone: string; names: Map<string, Localized> } | null>(null);

/** A list of evidence as the status serves it: how many events, and the reference that asks for them. */
export interface EvidenceList {
  evidenceCount: number;
  evidenceRef?: string | undefined;
}

/**
 * The events an explanation rests on, read as a reader reads them: "No. 27 — Handover confirmed,
 * 25 Nov 21:00, recorded by ICRC". The status gives how many; the events are asked for only when
 * the list is opened, a page at a time (one request a page, from the log as judged at `asOf`, the
 * moment of the status shown when it was opened). Each links to the event and its proof; its hash is behind the link
 * (its title), never the text.
 */
export function Evidence({
  logId,
  asOf,
  list,
}: {
  logId: string | null;
  asOf: string | null;
  list: EvidenceList | null | undefined;
}) {
  const { t } = useI18n();
  // Open, the moment of the status it was opened from: the list stays as it was then while the page
  // reads the status again (each new event does), and is read anew when opened again.
  const [opened, setOpened] = useState<{ asOf: string | null } | null>(null);
  const count = list?.evidenceCount ?? 0;
  if (count === 0) return <span className="muted">{t('count.evidence', { n: 0 })}</span>;
  const of = list?.evidenceRef;
  return (
    <details
      className="evidence"
      data-testid="evidence"
      onToggle={(e) => setOpened(e.currentTarget.open ? { asOf } : null)}
    >
      <summary>{t('count.evidence', { n: count })}</summary>
      {opened ? (
        logId && opened.asOf && of ? (
          <EvidencePages logId={logId} asOf={opened.asOf} of={of} />
        ) : (
          <ul>
            <li>
              <span className="muted">{t('evidence.unread')}</span>
            </li>
          </ul>
        )
      ) : null}
    </details>
  );
}

/** The pages asked for so far: the first, then one more for each "more" (each by its cursor). */
function EvidencePages({ logId, asOf, of }: { logId: string; asOf: string; of: string }) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return (
    <ul>
      {cursors.map((cursor, k) => (
        <EvidencePage
          key={cursor ?? ''}
          logId={logId}
          asOf={asOf}
          of={of}
          cursor={cursor}
          offset={k === 0 ? 0 : EVIDENCE_SHOWN + (k - 1) * EVIDENCE_MORE}
          limit={k === 0 ? EVIDENCE_SHOWN : EVIDENCE_MORE}
          onMore={k === cursors.length - 1 ? (next) => setCursors((c) => [...c, next]) : null}
        />
      ))}
    </ul>
  );
}

/** One page of the list, and after the last one asked for, the button that asks for the next. */
function EvidencePage({
  logId,
  asOf,
  of,
  cursor,
  offset,
  limit,
  onMore,
}: {
  logId: string;
  asOf: string;
  of: string;
  cursor: string | null;
  offset: number;
  limit: number;
  onMore: ((next: string) => void) | null;
}) {
  const { t } = useI18n();
  const loaded = useFetch(`evidence:${logId}:${asOf}:${of}:${cursor ?? ''}:${limit}`, () =>
    api.evidence(logId, of, asOf, limit, cursor),
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
  const rest = page.count - offset - page.events.length;
  return (
    <>
      {page.events.map((e) => (
        <li key={e.leafHash}>
          <EvidenceItem logId={logId} event={e} />
        </li>
      ))}
      {onMore && page.next !== null ? (
        <li>
          <button
            type="button"
            className="link"
            data-testid="evidence-more"
            onClick={() => onMore(page.next!)}
          >
            {t('evidence.more', { n: Math.min(EVIDENCE_MORE, Math.max(rest, 1)) })}
          </button>
        </li>
      ) : null}
    </>
  );
}

/** One evidence event by its number, kind, time and who recorded it. */
function EvidenceItem({ logId, event: e }: { logId: string; event: EvidenceEvent }) {
  const { t, fmt, text, lang } = useI18n();
  const scope = useContext(EvidenceScope);
  const href = `/logs/${encodeURIComponent(logId)}/events/${e.leafHash}`;
  const actor = nameField(scope?.names ?? new Map(), 'actor', e.actor, text);
  const time = scope ? fmt.dateTime(e.occurredAt, scope.timeZone) : e.occurredAt;
  return (
    <Link href={href} title={e.leafHash} data-testid="evidence-item" data-index={e.index}>
      <Rich
        k="evidence.item"
        params={{ index: e.index, kind: t(`eventKind.${e.kind}` as MessageKey), time }}
        nodes={{ actor: <Marked text={actor} lang={lang} /> }}
      />
    </Link>
  );
}
