import { type ReactNode, useState } from 'react';
import { useI18n } from '../i18n/context.ts';
import { useFetch } from '../use-fetch.ts';

/** How many items a paged list shows first, and how many more each "more" asks for. */
export const EVIDENCE_SHOWN = 10;
export const EVIDENCE_MORE = 50;

/** One page of a list the server pages by cursor: its items, how many in all, the next page's cursor. */
export interface CursorPage<T> {
  items: T[];
  count: number;
  next: string | null;
}

interface Props<T> {
  /** Names the list (with the moment it is read at): a page is fetched once per key, cursor and size. */
  listKey: string;
  load: (limit: number, cursor: string | null) => Promise<CursorPage<T>>;
  /** An item as a list element, with its key. */
  item: (x: T) => ReactNode;
  /** What follows the last page asked for while there is more: `shown` of `page.count`, and how to ask for it. */
  more: (page: CursorPage<T>, shown: number, ask: () => void) => ReactNode;
  className?: string;
  testId?: string;
}

/** The pages asked for so far: the first EVIDENCE_SHOWN, then EVIDENCE_MORE for each "more" (each by its cursor). */
export function CursorPages<T>({ className, testId, ...page }: Props<T>) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return (
    <ul className={className} data-testid={testId}>
      {cursors.map((cursor, k) => (
        <OnePage
          key={cursor ?? ''}
          {...page}
          cursor={cursor}
          before={k === 0 ? 0 : EVIDENCE_SHOWN + (k - 1) * EVIDENCE_MORE}
          limit={k === 0 ? EVIDENCE_SHOWN : EVIDENCE_MORE}
          onMore={k === cursors.length - 1 ? (next) => setCursors((c) => [...c, next]) : null}
        />
      ))}
    </ul>
  );
}

/** One page of the list, and after the last one asked for, what asks for the next. */
function OnePage<T>({
  listKey,
  load,
  item,
  more,
  cursor,
  before,
  limit,
  onMore,
}: Omit<Props<T>, 'className' | 'testId'> & {
  cursor: string | null;
  before: number;
  limit: number;
  onMore: ((next: string) => void) | null;
}) {
  const { t } = useI18n();
  const loaded = useFetch(`${listKey}:${cursor ?? ''}:${limit}`, () => load(limit, cursor));
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
  const next = page.next;
  return (
    <>
      {page.items.map(item)}
      {onMore && next !== null ? <li>{more(page, before + page.items.length, () => onMore(next))}</li> : null}
    </>
  );
}
