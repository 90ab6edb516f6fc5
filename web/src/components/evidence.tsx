import { createContext, useContext, useState } from 'react';
import { api, type EvidenceEvent } from '../api.ts';
import { useI18n } from '../i18n/context.ts';
import type { MessageKey } from '../i18n/messages-en.ts';
import { Rich } from '../i18n/rich.tsx';
import { type Localized, nameField } from '../model/names.ts';
import { Link } from '../navigation.tsx';
import { Marked } from './cite.tsx';
import { CursorPages, EVIDENCE_MORE } from './cursor-pages.tsx';

/** How many evidence events are listed at first; the rest on request, EVIDENCE_MORE at a time. */

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

/** The list's events, a page at a time (GET /api/logs/{id}/evidence at the status's moment). */
function EvidencePages({ logId, asOf, of }: { logId: string; asOf: string; of: string }) {
  const { t } = useI18n();
  return (
    <CursorPages<EvidenceEvent>
      listKey={`evidence:${logId}:${asOf}:${of}`}
      load={(limit, cursor) =>
        api.evidence(logId, of, asOf, limit, cursor).then((p) => ({ ...p, items: p.events }))
      }
      item={(e) => (
        <li key={e.leafHash}>
          <EvidenceItem logId={logId} event={e} />
        </li>
      )}
      more={(page, shown, ask) => (
        <button type="button" className="link" data-testid="evidence-more" onClick={ask}>
          {t('evidence.more', { n: Math.min(EVIDENCE_MORE, Math.max(page.count - shown, 1)) })}
        </button>
      )}
    />
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
        params={{ index: e.index, kind: t(`eventKind.${e.label ?? e.kind}` as MessageKey), time }}
        nodes={{ actor: <Marked text={actor} lang={lang} /> }}
      />
    </Link>
  );
}
