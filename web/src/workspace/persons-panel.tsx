import { useCallback, useEffect, useMemo, useState } from 'react';
import type { PersonRecord } from '../../../src/core/ledger/commitment.ts';
import { searchByName } from '../../../src/core/persons/name-match.ts';
import { ErrorAlert } from '../components/common.tsx';
import { useI18n } from '../i18n/context.ts';
import { authorized } from './authorized.ts';
import { namesOfRecord } from './person-csv.ts';
import type { Session } from './workspace-page.tsx';

interface Person {
  commitment: string;
  record: PersonRecord;
  visibleBecause: string;
}

function nameIn(record: PersonRecord, script: 'ar' | 'he' | 'en'): string {
  const names = record.names as Record<string, unknown> | undefined;
  const v = names?.[script];
  return typeof v === 'string' ? v : '';
}

/** The persons the signed-in actor may see, found by any name in any script or spelling; new records added. */
export function PersonsPanel({ session }: { session: Session }) {
  const { t } = useI18n();
  const [persons, setPersons] = useState<Person[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState('');

  const load = useCallback(async () => {
    setError(null);
    try {
      const all: Person[] = [];
      let from: number | null = 0;
      while (from !== null) {
        const page: { persons: Person[]; next: number | null } = await authorized(
          session.token,
          `/api/logs/${encodeURIComponent(session.log)}/persons?from=${from}&limit=500`,
        );
        all.push(...page.persons);
        from = page.next;
      }
      setPersons(all);
    } catch (e) {
      setError(t('ws.refused', { detail: (e as Error).message }));
    }
  }, [session, t]);

  useEffect(() => {
    void load();
  }, [load]);

  const shown = useMemo(
    () =>
      query.trim()
        ? searchByName(query, persons, (p) => namesOfRecord(p.record)).map((h) => h.item)
        : persons,
    [query, persons],
  );

  return (
    <section className="panel" aria-labelledby="persons-h">
      <h2 id="persons-h">{t('ws.persons')}</h2>
      <label className="form">
        {t('ws.search')}
        <input
          type="search"
          data-testid="persons-search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          dir="auto"
        />
      </label>
      <ErrorAlert message={error} />
      <div className="table-scroll">
        <table className="grid" data-testid="persons-roster">
          <thead>
            <tr>
              <th scope="col">{t('ws.nameAr')}</th>
              <th scope="col">{t('ws.nameHe')}</th>
              <th scope="col">{t('ws.nameEn')}</th>
              <th scope="col">{t('ws.variants')}</th>
              <th scope="col">commitment</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((p) => (
              <tr key={p.commitment} data-commitment={p.commitment}>
                <td lang="ar" dir="rtl">
                  {nameIn(p.record, 'ar')}
                </td>
                <td lang="he" dir="rtl">
                  {nameIn(p.record, 'he')}
                </td>
                <td lang="en" dir="ltr">
                  {nameIn(p.record, 'en')}
                </td>
                <td dir="auto">{Array.isArray(p.record.variants) ? p.record.variants.join('; ') : ''}</td>
                <td>
                  <code className="hash" lang="und-Latn" translate="no">
                    {p.commitment.slice(0, 12)}
                  </code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown.length === 0 ? <p className="muted">{t('ws.noPersons')}</p> : null}
      <AddPerson session={session} onAdded={() => void load()} />
    </section>
  );
}

function AddPerson({ session, onAdded }: { session: Session; onAdded: () => void }) {
  const { t } = useI18n();
  const [ar, setAr] = useState('');
  const [he, setHe] = useState('');
  const [en, setEn] = useState('');
  const [variants, setVariants] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const submit = async () => {
    const names: Record<string, string> = {};
    if (ar.trim()) names.ar = ar.trim().normalize('NFC');
    if (he.trim()) names.he = he.trim().normalize('NFC');
    if (en.trim()) names.en = en.trim().normalize('NFC');
    if (Object.keys(names).length === 0) return;
    const v = variants
      .split(';')
      .map((x) => x.trim().normalize('NFC'))
      .filter(Boolean);
    try {
      await authorized(session.token, `/api/logs/${encodeURIComponent(session.log)}/persons`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ records: [{ names, ...(v.length ? { variants: v } : {}) }] }),
      });
      setAr('');
      setHe('');
      setEn('');
      setVariants('');
      setMessage(t('ws.kept', { n: 1 }));
      onAdded();
    } catch (e) {
      setMessage(t('ws.refused', { detail: (e as Error).message }));
    }
  };
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3>{t('ws.addPerson')}</h3>
      <label>
        {t('ws.nameAr')}
        <input value={ar} onChange={(e) => setAr(e.target.value)} lang="ar" dir="rtl" />
      </label>
      <label>
        {t('ws.nameHe')}
        <input value={he} onChange={(e) => setHe(e.target.value)} lang="he" dir="rtl" />
      </label>
      <label>
        {t('ws.nameEn')}
        <input value={en} onChange={(e) => setEn(e.target.value)} lang="en" dir="ltr" />
      </label>
      <label>
        {t('ws.variants')}
        <input value={variants} onChange={(e) => setVariants(e.target.value)} dir="auto" />
      </label>
      <button type="submit">{t('ws.addPerson')}</button>
      {message ? <p role="status">{message}</p> : null}
    </form>
  );
}
