import { useEffect, useState } from 'react';
import type { Agreement } from '../../../src/core/agreement/types.ts';
import { nobleCrypto } from '../../../src/core/crypto/noble-crypto.ts';
import { keyId } from '../../../src/core/ledger/event-sign.ts';
import type { Provenance } from '../../../src/core/ledger/provenance.ts';
import { parseSignerKey, type Signer } from '../../../src/core/ledger/signed-note.ts';
import { api, type LogSummary } from '../api.ts';
import { Await, ErrorAlert } from '../components/common.tsx';
import { ProvenanceBanner } from '../components/provenance-banner.tsx';
import { useI18n } from '../i18n/context.ts';
import { useFetch } from '../use-fetch.ts';
import { ActionPanel } from './action-panel.tsx';
import { authorized } from './authorized.ts';
import { PersonsPanel } from './persons-panel.tsx';

/** Who is signed in: held in this page's memory only, gone on reload or sign-out. */
export interface Session {
  log: string;
  token: string;
  signer: Signer;
  actor: string;
  agreement: Agreement | null;
  /** Where the log comes from: said above everything the actor does in it. */
  provenance: Provenance | undefined;
}

/** The workspace of signed-in actors: record events (shown before they are signed) and manage persons. */
export default function WorkspacePage() {
  const { t } = useI18n();
  const [session, setSession] = useState<Session | null>(null);
  useEffect(() => {
    document.title = `${t('workspace.title')} · Truce`;
  }, [t]);
  return (
    <section>
      <h1>{t('workspace.title')}</h1>
      {session ? (
        <>
          <ProvenanceBanner provenance={session.provenance} />
          <p className="panel" role="status">
            {t('ws.signedIn', { actor: session.actor, key: keyId(session.signer) })} ·{' '}
            <button type="button" onClick={() => setSession(null)}>
              {t('ws.signOut')}
            </button>
          </p>
          <ActionPanel session={session} />
          <PersonsPanel session={session} />
        </>
      ) : (
        <SignIn onSignIn={setSession} />
      )}
    </section>
  );
}

function SignIn({ onSignIn }: { onSignIn: (s: Session) => void }) {
  const logs = useFetch('logs', api.logs);
  return <Await loaded={logs}>{(list) => <SignInForm logs={list} onSignIn={onSignIn} />}</Await>;
}

function SignInForm({ logs, onSignIn }: { logs: LogSummary[]; onSignIn: (s: Session) => void }) {
  const { t } = useI18n();
  const [log, setLog] = useState(logs[0]?.id ?? '');
  const [token, setToken] = useState('');
  const [signer, setSigner] = useState<Signer | null>(null);
  const [actor, setActor] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const readKey = async (file: File | undefined) => {
    setError(null);
    setSigner(null);
    if (!file) return;
    try {
      const text = (await file.text()).trim();
      const s = parseSignerKey(nobleCrypto, text);
      setSigner(s);
      if (!actor) setActor(s.name);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const submit = async () => {
    if (!signer || !token.trim() || !log) return;
    setBusy(true);
    setError(null);
    try {
      // The token is checked by asking for something only an actor of the log may read.
      await authorized(token.trim(), `/api/logs/${encodeURIComponent(log)}/persons?limit=1`);
      const agreement = await api.agreement(log).catch(() => null);
      onSignIn({
        log,
        token: token.trim(),
        signer,
        actor: actor.trim() || signer.name,
        agreement,
        provenance: logs.find((l) => l.id === log)?.provenance,
      });
    } catch (e) {
      setError(t('ws.refused', { detail: (e as Error).message }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="form panel"
      data-testid="workspace-signin"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2>{t('ws.signin')}</h2>
      <p className="muted">{t('ws.signInFirst')}</p>
      <label>
        {t('ws.log')}
        <select value={log} onChange={(e) => setLog(e.target.value)} required>
          {logs.map((l) => (
            <option key={l.id} value={l.id}>
              {l.id}
            </option>
          ))}
        </select>
      </label>
      <ProvenanceBanner provenance={logs.find((l) => l.id === log)?.provenance} />
      <label>
        {t('ws.token')}
        <input
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={token}
          onChange={(e) => setToken(e.target.value)}
          required
          dir="ltr"
        />
      </label>
      <label>
        {t('ws.key')}
        <input type="file" onChange={(e) => void readKey(e.target.files?.[0])} required />
        <span className="muted">{t('ws.keyNote')}</span>
      </label>
      {signer ? (
        <p>
          <code lang="und-Latn" translate="no">
            {keyId(signer)}
          </code>
        </p>
      ) : null}
      <label>
        {t('ws.actor')}
        <input
          value={actor}
          onChange={(e) => setActor(e.target.value)}
          dir="ltr"
          pattern="[a-z0-9][a-z0-9\-]*"
        />
      </label>
      <ErrorAlert message={error} />
      <button type="submit" className="primary" disabled={busy || !signer || !token.trim()}>
        {t('ws.signin')}
      </button>
    </form>
  );
}
