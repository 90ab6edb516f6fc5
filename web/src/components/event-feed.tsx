import { useCallback, useEffect, useRef, useState } from 'react';
import type { Agreement } from '../../../src/core/agreement/types.ts';
import { eventKindLabel } from '../../../src/core/figures/event-kind-label.ts';
import { VALUE_WORDS } from '../../../src/core/report/event-words.ts';
import { api, type LoggedEntry } from '../api.ts';
import { useI18n } from '../i18n/context.ts';
import type { MessageKey } from '../i18n/messages-en.ts';
import { Rich } from '../i18n/rich.tsx';
import { fieldLabel } from '../i18n/translate.ts';
import { summarizeBody } from '../model/event-summary.ts';
import { type Localized, nameField } from '../model/names.ts';
import { Link } from '../navigation.tsx';
import { Cite, Marked } from './cite.tsx';
import { Quantity } from './common.tsx';

const PAGE = 50;

/** One event: what it is, when, who recorded it, what it says, and a link to its proof. */
export function EventItem({
  entry,
  logId,
  timeZone,
  names = new Map(),
  agreement,
}: {
  entry: LoggedEntry;
  logId: string;
  timeZone: string;
  /** Names of the agreement's parties, places, provisions and categories (model/names.ts). */
  names?: Map<string, Localized> | undefined;
  /** The agreement the log adopted: a release of remains is named as returned (eventKindLabel). */
  agreement?: Agreement | null | undefined;
}) {
  const { t, fmt, text, lang } = useI18n();
  const actor = nameField(names, 'actor', entry.event.event.actor, text);
  const e = entry.event.event;
  const summary = summarizeBody(e.body, e.refs ?? []);
  return (
    <li className="event" data-testid="event-item" data-index={entry.index} data-kind={e.kind}>
      <p className="event-head">
        <span className="event-index">{t('feed.index', { index: entry.index })}</span>{' '}
        <strong>{t(`eventKind.${eventKindLabel(agreement, e.kind, e.body)}` as MessageKey)}</strong>{' '}
        <time dateTime={e.occurredAt}>{fmt.dateTime(e.occurredAt, timeZone)}</time>{' '}
        <span className="muted">
          <Rich k="feed.by" nodes={{ actor: <Marked text={actor} lang={lang} /> }} />
        </span>
        {e.source ? (
          <span className="muted">
            {' · '}
            <Rich k="common.source" nodes={{ source: <Cite>{e.source.name}</Cite> }} />
          </span>
        ) : null}
      </p>
      {summary.fields.length > 0 ? (
        <dl className="event-body">
          {summary.fields
            // A quantity is shown with its unit, in words of the page's language.
            .filter((f) => !(f.name === 'unit' && typeof e.body.quantity === 'number'))
            .map((f) => (
              <div key={f.name}>
                <dt>{fieldLabel(t, f.name)}</dt>
                <dd dir="auto">
                  {f.name === 'quantity' &&
                  typeof e.body.quantity === 'number' &&
                  typeof e.body.unit === 'string' ? (
                    <Quantity n={e.body.quantity} unit={e.body.unit} />
                  ) : (
                    // A value of the schema's own words (direction, answer, finding) in the page's words.
                    (VALUE_WORDS[lang][f.name]?.[f.value] ?? (
                      <Marked text={nameField(names, f.name, f.value, text)} lang={lang} />
                    ))
                  )}
                </dd>
              </div>
            ))}
        </dl>
      ) : null}
      <Link
        className="proof-link"
        data-testid="proof-link"
        href={`/logs/${encodeURIComponent(logId)}/events/${entry.leafHash}`}
        title={entry.leafHash}
      >
        {t('feed.proof')}
      </Link>
    </li>
  );
}

/**
 * The log's events, newest first, with earlier pages on request; new events arrive over the
 * server's event stream and `onAppend` is called so the page can re-evaluate.
 */
export function EventFeed({
  logId,
  size,
  timeZone,
  names,
  agreement,
  onAppend,
}: {
  logId: string;
  size: number;
  timeZone: string;
  names?: Map<string, Localized> | undefined;
  agreement?: Agreement | null | undefined;
  onAppend?: (() => void) | undefined;
}) {
  const { t } = useI18n();
  const [entries, setEntries] = useState<LoggedEntry[]>([]);
  const [from, setFrom] = useState(Math.max(0, size - PAGE));
  const [live, setLive] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // What a screen reader is told when an event arrives live (not the whole list on first load).
  const [announced, setAnnounced] = useState<{ index: number; kind: string } | null>(null);
  const appendRef = useRef(onAppend);
  appendRef.current = onAppend;
  const agreementRef = useRef(agreement);
  agreementRef.current = agreement;

  const add = useCallback((more: LoggedEntry[]) => {
    setEntries((old) => {
      const byIndex = new Map(old.map((e) => [e.index, e]));
      for (const e of more) byIndex.set(e.index, e);
      return [...byIndex.values()].sort((a, b) => b.index - a.index);
    });
  }, []);

  useEffect(() => {
    let live = true;
    const start = Math.max(0, size - PAGE);
    api.events(logId, start, PAGE).then(
      (page) => live && add(page.events),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [logId, size, add]);

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(`/api/logs/${encodeURIComponent(logId)}/stream`);
    // Once subscribed, read the log again: what was appended before the stream opened is not missed.
    source.onopen = () => {
      setLive(true);
      appendRef.current?.();
    };
    source.onerror = () => setLive(source.readyState === EventSource.OPEN);
    source.addEventListener('event', (message) => {
      try {
        const { leafHash } = JSON.parse((message as MessageEvent<string>).data) as { leafHash: string };
        api.event(logId, leafHash).then((one) => {
          add([{ index: one.index, leafHash: one.leafHash, event: one.event }]);
          const e = one.event.event;
          setAnnounced({ index: one.index, kind: eventKindLabel(agreementRef.current, e.kind, e.body) });
          appendRef.current?.();
        });
      } catch {
        // A malformed message is ignored; the next reload shows the log as it is.
      }
    });
    return () => source.close();
  }, [logId, add]);

  const earlier = () => {
    const start = Math.max(0, from - PAGE);
    api.events(logId, start, from - start).then(
      (page) => {
        add(page.events);
        setFrom(start);
      },
      (e: Error) => setError(e.message),
    );
  };

  return (
    <section aria-labelledby="feed-h">
      <h2 id="feed-h">
        {t('agreement.feed')}{' '}
        <span className={`live ${live ? 'on' : 'off'}`} role="status" data-live={live}>
          {live ? `● ${t('feed.live')}` : t('feed.offline')}
        </span>
      </h2>
      {error ? (
        <p role="alert" className="error">
          {t('common.error', { detail: error })}
        </p>
      ) : null}
      <p className="visually-hidden" aria-live="polite">
        {announced
          ? `${t('feed.index', { index: announced.index })}: ${t(`eventKind.${announced.kind}` as MessageKey)}`
          : ''}
      </p>
      <ol className="feed" data-testid="event-feed">
        {entries.map((e) => (
          <EventItem
            key={e.index}
            entry={e}
            logId={logId}
            timeZone={timeZone}
            names={names}
            agreement={agreement}
          />
        ))}
      </ol>
      {from > 0 ? (
        <button type="button" onClick={earlier}>
          {t('feed.more')}
        </button>
      ) : null}
    </section>
  );
}
