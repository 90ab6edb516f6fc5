import { type ReactNode, useEffect, useState } from 'react';
import { nobleCrypto } from '../../../src/core/crypto/noble-crypto.ts';
import { canonicalize } from '../../../src/core/ledger/canonical-json.ts';
import type { EventEnvelope } from '../../../src/core/ledger/event.ts';
import { checkEnvelope, signEvent } from '../../../src/core/ledger/event-sign.ts';
import { isoInZone } from '../../../src/core/time/zoned-time.ts';
import { api, type LoggedEntry } from '../api.ts';
import { ErrorAlert } from '../components/common.tsx';
import { useI18n } from '../i18n/context.ts';
import { en, type MessageKey } from '../i18n/messages-en.ts';
import { fieldLabel } from '../i18n/translate.ts';
import { Link } from '../navigation.tsx';
import { authorized } from './authorized.ts';
import {
  buildEnvelope,
  FIELDS,
  type FieldSpec,
  type FormError,
  type FormValues,
  NEEDS_SOURCE,
  WORKSPACE_KINDS,
  type WorkspaceKind,
  zonedFromInput,
} from './event-forms.ts';
import { personsFromCsv } from './person-csv.ts';
import type { Session } from './workspace-page.tsx';

/** Which earlier events a reference field may point at. */
const REF_KINDS: Record<string, string[]> = {
  list: ['list.submitted'],
  handover: ['handover.completed'],
  of: [],
};

/** A value the schema allows, in words when the catalog has them (a value added later shows as itself). */
function optionLabel(t: (key: MessageKey) => string, value: string): string {
  const key = `option.${value}` as MessageKey;
  return key in en ? t(key) : value;
}

/** The agreement's time zone; the browser's own when no agreement is loaded. */
function zoneOf(session: Session): string {
  return session.agreement?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Now as ISO 8601 with the offset of `timeZone`. */
function nowIn(timeZone: string): string {
  return isoInZone(Date.now(), timeZone);
}

/**
 * The wall-clock time of an instant in `timeZone`, as a datetime-local input with seconds writes it
 * (YYYY-MM-DDTHH:MM:SS). To the second, so that "now" is never before what was recorded a moment
 * ago (an actor registered this minute may record at once).
 */
function localInput(iso: string): string {
  return iso.slice(0, 19);
}

/** Choose an action, fill it in, see the exact canonical JSON, then sign it here and append it. */
export function ActionPanel({ session }: { session: Session }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<WorkspaceKind>('list.submitted');
  const [recent, setRecent] = useState<LoggedEntry[]>([]);
  // Read again after each append, so that an event just recorded can be referred to.
  const [appended, setAppended] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `appended` asks for a fresh read.
  useEffect(() => {
    let live = true;
    api.logs().then(
      async (logs) => {
        const size = logs.find((l) => l.id === session.log)?.size ?? 0;
        const page = await api.events(session.log, Math.max(0, size - 200), 200);
        if (live) setRecent(page.events.slice().reverse());
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, [session.log, appended]);
  return (
    <section className="panel" aria-labelledby="actions-h">
      <h2 id="actions-h">{t('ws.record')}</h2>
      <ul className="action-tabs">
        {WORKSPACE_KINDS.map((k) => (
          <li key={k}>
            <button
              type="button"
              aria-pressed={k === kind}
              data-testid={`workspace-action-${k}`}
              onClick={() => setKind(k)}
            >
              {t(`eventKind.${k}` as MessageKey)}
            </button>
          </li>
        ))}
      </ul>
      <ActionForm
        key={kind}
        kind={kind}
        session={session}
        recent={recent}
        onAppended={() => setAppended((n) => n + 1)}
      />
    </section>
  );
}

function ActionForm({
  kind,
  session,
  recent,
  onAppended,
}: {
  kind: WorkspaceKind;
  session: Session;
  recent: LoggedEntry[];
  onAppended: () => void;
}) {
  const { t } = useI18n();
  const [values, setValues] = useState<FormValues>({});
  const zone = zoneOf(session);
  // Entered as the agreement's wall clock (the time a monitor on the ground reads), stored with its offset.
  const [occurredAt, setOccurredAt] = useState(() => localInput(nowIn(zone)));
  const [sourceName, setSourceName] = useState('');
  const [sourceMethod, setSourceMethod] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [preview, setPreview] = useState<{ envelope: EventEnvelope; canonical: string } | null>(null);
  const [result, setResult] = useState<{ index: number; leafHash: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (name: string, value: string | boolean | string[]) => {
    setValues((v) => ({ ...v, [name]: value }));
    setPreview(null);
    setResult(null);
  };

  const check = () => {
    setFailure(null);
    setResult(null);
    const source = sourceName.trim()
      ? { name: sourceName.trim(), ...(sourceMethod.trim() ? { method: sourceMethod.trim() } : {}) }
      : undefined;
    const built = buildEnvelope(kind, values, {
      log: session.log,
      actor: session.actor,
      occurredAt: zonedFromInput(occurredAt, zone) ?? occurredAt.trim(),
      recordedAt: nowIn(zone),
      source,
    });
    if (!built.ok) {
      setErrors(built.errors);
      setPreview(null);
      return;
    }
    setErrors([]);
    try {
      // Exactly what signEvent signs: the checked envelope (strings in NFC) as RFC 8785 JSON.
      const envelope = checkEnvelope(built.envelope);
      setPreview({ envelope, canonical: canonicalize(envelope) });
    } catch (e) {
      setFailure((e as Error).message);
    }
  };

  const sign = async () => {
    if (!preview) return;
    setBusy(true);
    setFailure(null);
    try {
      const signed = signEvent(nobleCrypto, preview.envelope, session.signer);
      const r = await authorized<{ index: number; leafHash: string }>(
        session.token,
        `/api/logs/${encodeURIComponent(session.log)}/events`,
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(signed) },
      );
      setResult(r);
      setPreview(null);
      onAppended();
    } catch (e) {
      setFailure(t('ws.refused', { detail: (e as Error).message }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        check();
      }}
    >
      {(FIELDS[kind] ?? []).map((spec) => (
        <Field
          key={spec.name}
          spec={spec}
          value={values[spec.name]}
          onChange={(v) => set(spec.name, v)}
          session={session}
          recent={recent}
          error={errors.find((e) => e.field === spec.name)}
          onCount={(n) => set('count', String(n))}
        />
      ))}
      <label>
        {t('ws.occurredAtIn', { zone })}
        <input
          type="datetime-local"
          step={1}
          value={occurredAt}
          onChange={(e) => setOccurredAt(e.target.value)}
          dir="ltr"
          required
          data-testid="occurred-at"
        />
      </label>
      <label>
        {t('ws.sourceName')}
        {NEEDS_SOURCE.has(kind) ? ' *' : ''}
        <input value={sourceName} onChange={(e) => setSourceName(e.target.value)} />
        {errors.some((e) => e.field === 'source') ? (
          <span className="error">{t('form.source-required')}</span>
        ) : null}
      </label>
      <label>
        {t('ws.sourceMethod')}
        <input value={sourceMethod} onChange={(e) => setSourceMethod(e.target.value)} />
      </label>
      <button type="submit">{t('ws.check')}</button>
      <ErrorAlert message={failure} />
      {preview ? (
        <div className="panel">
          <h3>{t('ws.preview')}</h3>
          <pre className="canonical" data-testid="sign-preview" dir="ltr" lang="en">
            {preview.canonical}
          </pre>
          <button
            type="button"
            className="primary"
            data-testid="sign-confirm"
            disabled={busy}
            onClick={() => void sign()}
          >
            {t('ws.confirm')}
          </button>
        </div>
      ) : null}
      {result ? (
        <p role="status" data-testid="sign-result">
          {t('ws.appended', { index: String(result.index) })} ·{' '}
          <Link href={`/logs/${encodeURIComponent(session.log)}/events/${result.leafHash}`}>
            {t('feed.proof')}
          </Link>
        </p>
      ) : null}
    </form>
  );
}

function Field({
  spec,
  value,
  onChange,
  session,
  recent,
  error,
  onCount,
}: {
  spec: FieldSpec;
  value: FormValues[string] | undefined;
  onChange: (v: string | boolean | string[]) => void;
  session: Session;
  recent: LoggedEntry[];
  error: FormError | undefined;
  onCount: (n: number) => void;
}) {
  const { t, text, isolate } = useI18n();
  const id = `f-${spec.name}`;
  const label = `${fieldLabel(t, spec.name)}${spec.required ? ' *' : ''}`;
  const err = error ? (
    <span className="error" id={`${id}-err`}>
      {fieldLabel(t, spec.name)}: {t(`form.${error.code}` as MessageKey, error.params)}
    </span>
  ) : null;
  const describedBy = error ? `${id}-err` : undefined;
  const a = session.agreement;
  if (spec.type === 'bool') {
    return (
      <label>
        <span>
          <input type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />{' '}
          {fieldLabel(t, spec.name)}
        </span>
      </label>
    );
  }
  if (spec.type === 'persons') {
    return <PersonsField value={value} onChange={onChange} session={session} error={err} onCount={onCount} />;
  }
  let options: { value: string; label: string }[] | null = null;
  if (spec.options) options = spec.options.map((u) => ({ value: u, label: optionLabel(t, u) }));
  else if (spec.choices === 'party' && a)
    options = a.parties.map((p) => ({ value: p.id, label: `${text(p.name)} (${isolate(p.id)})` }));
  else if (spec.choices === 'provision' && a)
    // The agreement's provisions that fit the event (an aid figure: the aid provisions).
    options = a.provisions
      .filter((p) => !spec.provisionKinds || spec.provisionKinds.includes(p.kind))
      .map((p) => ({ value: p.id, label: `${text(p.title, p.id)} (${isolate(p.id)})` }));
  else if (spec.type === 'ref') {
    const kinds = REF_KINDS[spec.name] ?? [];
    options = recent
      .filter((e) => kinds.length === 0 || kinds.includes(e.event.event.kind))
      .slice(0, 50)
      .map((e) => ({
        value: e.leafHash,
        label: `#${e.index} ${t(`eventKind.${e.event.event.kind}` as MessageKey)} · ${e.event.event.actor} · ${e.leafHash.slice(0, 12)}`,
      }));
  }
  if (options) {
    return (
      <label>
        {label}
        <select
          id={id}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={describedBy}
        >
          <option value="">—</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        {err}
      </label>
    );
  }
  return (
    <label htmlFor={id}>
      {label}
      {spec.type === 'text' ? (
        <textarea
          id={id}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
          rows={3}
          aria-describedby={describedBy}
        />
      ) : (
        <input
          id={id}
          type={spec.type === 'date' ? 'date' : 'text'}
          inputMode={spec.type === 'int' ? 'numeric' : undefined}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
          dir="ltr"
          aria-describedby={describedBy}
        />
      )}
      {err}
    </label>
  );
}

/** Persons of a list: commitments typed or pasted, or records from a CSV kept in the persons store first. */
function PersonsField({
  value,
  onChange,
  session,
  error,
  onCount,
}: {
  value: FormValues[string] | undefined;
  onChange: (v: string[]) => void;
  session: Session;
  error: ReactNode;
  onCount: (n: number) => void;
}) {
  const { t } = useI18n();
  const [problems, setProblems] = useState<string[]>([]);
  const list = Array.isArray(value) ? value : [];
  const [typed, setTyped] = useState(list.join('\n'));
  const fromCsv = async (file: File | undefined) => {
    setProblems([]);
    if (!file) return;
    const parsed = personsFromCsv(await file.text());
    if (!parsed.ok) {
      setProblems(parsed.errors);
      return;
    }
    try {
      const { commitments } = await authorized<{ commitments: string[] }>(
        session.token,
        `/api/logs/${encodeURIComponent(session.log)}/persons`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ records: parsed.records }),
        },
      );
      onChange(commitments);
      setTyped(commitments.join('\n'));
      onCount(commitments.length);
    } catch (e) {
      setProblems([t('ws.refused', { detail: (e as Error).message })]);
    }
  };
  return (
    <fieldset>
      <legend>persons</legend>
      <label>
        {t('ws.csv')}
        <input type="file" accept=".csv,text/csv" onChange={(e) => void fromCsv(e.target.files?.[0])} />
      </label>
      <label>
        persons (commitments)
        <textarea
          rows={3}
          dir="ltr"
          value={typed}
          onChange={(e) => {
            setTyped(e.target.value);
            onChange(e.target.value.split(/[\s,]+/).filter(Boolean));
          }}
        />
      </label>
      {list.length > 0 ? <p className="muted">{t('ws.kept', { n: list.length })}</p> : null}
      {problems.map((p) => (
        <p key={p} className="error" role="alert">
          {p}
        </p>
      ))}
      {error}
    </fieldset>
  );
}
