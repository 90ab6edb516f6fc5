import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { nobleCrypto } from '../../../src/core/crypto/noble-crypto.ts';
import { parseVerifierKey } from '../../../src/core/ledger/signed-note.ts';
import { useI18n } from '../i18n/context.ts';
import { dirOf } from '../i18n/locale.ts';
import { interpolate } from '../i18n/translate.ts';
import { httpFetcher, type ProofFetcher } from './fetcher.ts';
import { PinForm } from './pin-form.tsx';
import { PROOF_MESSAGES } from './proof-messages.ts';
import { PROOF_STEPS, type ProofErrorCode, type ProofResult, type ShownKey } from './proof-result.ts';
import { forgetPin, readPin, savePin, withPin } from './reader-trust.ts';
import { shownKey, type TrustedLog, type TrustRoot } from './trust.ts';
import { TRUSTED_KEYS } from './trusted-keys.ts';
import { verifyEventProof } from './verify-event-proof.ts';

/** Failures a later checkpoint may cure. */
const WAITING: ReadonlySet<ProofErrorCode> = new Set(['not-checkpointed', 'cosignature-missing']);

export interface ProofPanelProps {
  logId: string;
  leafHash: string;
  /** Defaults to this origin's API. */
  fetcher?: ProofFetcher;
  /** Defaults to the keys pinned in this build. */
  trust?: TrustRoot;
  /**
   * Told each verdict (null while a check runs): the event page shows the event from the verified
   * result only, so the copy that is checked is the copy that is displayed.
   */
  onResult?: (result: ProofResult | null) => void;
}

/** The pinned keys of a log as the panel shows them, or null when the build pins none. */
function pinnedKeys(
  trust: TrustRoot,
  logId: string,
): { operator: ShownKey; witnesses: ShownKey[]; quorum: number } | null {
  const log = Object.hasOwn(trust.logs, logId) ? trust.logs[logId] : undefined;
  if (!log) return null;
  return {
    operator: shownKey(nobleCrypto, parseVerifierKey(nobleCrypto, log.logKey)),
    witnesses: log.witnesses.map((w) => shownKey(nobleCrypto, parseVerifierKey(nobleCrypto, w))),
    quorum: log.quorum,
  };
}

/**
 * The proof that an event is in its log, checked in the browser (verifyEventProof): each step
 * ticked as it holds, the entry and checkpoint it was proven under, and the pinned keys it was
 * checked against with their fingerprints, so that a reader can compare them with ones published
 * elsewhere.
 */
export function ProofPanel({ logId, leafHash, fetcher, trust = TRUSTED_KEYS, onResult }: ProofPanelProps) {
  const { lang, fmt } = useI18n();
  const m = PROOF_MESSAGES[lang];
  const [result, setResult] = useState<ProofResult | null>(null);
  const source = useMemo(() => fetcher ?? httpFetcher(), [fetcher]);
  // Keys the reader pinned in this browser count only for a log the build pins nothing for.
  const [pin, setPin] = useState<TrustedLog | null>(() => readPin(nobleCrypto, logId));
  useEffect(() => setPin(readPin(nobleCrypto, logId)), [logId]);
  const effective = useMemo(() => withPin(trust, pin), [trust, pin]);
  const byReader = effective !== trust;
  const pinned = useMemo(() => pinnedKeys(effective, logId), [effective, logId]);

  const told = useRef(onResult);
  told.current = onResult;
  useEffect(() => told.current?.(result), [result]);

  const cancel = useRef<(() => void) | null>(null);
  /**
   * Runs the check again, dropping the answer of any check still under way. `keep`: the verdict on
   * screen stays until the new one is in (a check the stream asks for, not the reader).
   */
  const check = useCallback(
    (keep = false) => {
      cancel.current?.();
      let live = true;
      cancel.current = () => {
        live = false;
      };
      if (!keep) setResult(null);
      verifyEventProof(source, logId, leafHash, effective).then((r) => {
        if (live) setResult(r);
      });
    },
    [source, logId, leafHash, effective],
  );
  useEffect(() => {
    check();
    return () => cancel.current?.();
  }, [check]);

  // An event not yet under a checkpoint, or a checkpoint not yet cosigned enough, may be proven
  // soon: when the server announces a new checkpoint on the log's stream, check again.
  const waiting = result !== null && !result.verified && WAITING.has(result.code);
  useEffect(() => {
    if (!waiting || fetcher || typeof EventSource === 'undefined') return;
    const stream = new EventSource(`/api/logs/${encodeURIComponent(logId)}/stream`);
    // Once subscribed, check again: a checkpoint stored before the stream opened is not missed.
    stream.onopen = () => check(true);
    stream.addEventListener('checkpoint', () => check(true));
    return () => stream.close();
  }, [waiting, fetcher, logId, check]);

  const say = (template: string, params: Record<string, string | number>) =>
    interpolate(template, params, fmt, dirOf(lang) === 'rtl');
  const state = result === null ? 'pending' : String(result.verified);
  const stepState = (step: (typeof PROOF_STEPS)[number]) => {
    if (!result) return 'pending';
    if (result.passed.includes(step)) return 'ok';
    if (!result.verified && result.failed === step) return 'failed';
    return 'skipped';
  };
  const MARK = { ok: '✓', failed: '✗', pending: '…', skipped: '–' } as const;

  return (
    <section className="proof-panel" data-testid="proof-panel" aria-labelledby="proof-title">
      <h2 id="proof-title">{m.title}</h2>
      <p className="muted">{m.intro}</p>
      <p
        data-testid="proof-status"
        data-verified={state}
        data-code={result && !result.verified ? result.code : undefined}
        role="status"
        className={`proof-status proof-${state}`}
      >
        {result === null
          ? m.pending
          : result.verified
            ? say(m.verified, {
                index: result.index ?? 0,
                size: result.checkpoint?.size ?? 0,
                k: result.witnesses?.length ?? 0,
                quorum: result.quorum ?? 0,
              })
            : say(m.failed, { reason: m.reasons[result.code] })}
      </p>
      {waiting && !fetcher ? <p className="muted">{m.watching}</p> : null}
      <div className="proof-meaning" data-testid="proof-meaning">
        <h3>{m.meaningTitle}</h3>
        <p>{pinned?.quorum === 0 ? m.provesUnwitnessed : m.proves}</p>
        <p>{m.doesNotProve}</p>
      </div>
      <ol className="proof-steps">
        {PROOF_STEPS.map((step) => {
          const s = stepState(step);
          return (
            <li key={step} data-step={step} data-state={s}>
              <span aria-hidden="true">{MARK[s]}</span> {m.steps[step]}
            </li>
          );
        })}
      </ol>
      {result && (
        <dl className="proof-facts">
          {/* The index the server claims is shown once the inclusion proof has proven it. */}
          {result.index !== undefined && result.passed.includes('inclusion') && (
            <>
              <dt>{m.index}</dt>
              <dd data-testid="proof-index">{fmt.number(result.index)}</dd>
            </>
          )}
          {result.checkpoint && (
            <>
              <dt>{m.checkpointSize}</dt>
              <dd data-testid="proof-checkpoint-size">{fmt.number(result.checkpoint.size)}</dd>
              <dt>{m.root}</dt>
              <dd>
                <code dir="ltr" lang="und-Latn" translate="no">
                  {result.checkpoint.root}
                </code>
              </dd>
            </>
          )}
          {result.actor && (
            <>
              <dt>{m.actor}</dt>
              <dd>
                <bdi lang="und-Latn" translate="no">
                  {result.actor.id}
                </bdi>{' '}
                (<bdi>{m.roles[result.actor.role]}</bdi>){' '}
                <code dir="ltr" lang="und-Latn" translate="no">
                  {result.actor.keyId}
                </code>
              </dd>
            </>
          )}
        </dl>
      )}
      {result && !result.verified && (
        <details>
          <summary>{m.detail}</summary>
          <p dir="ltr" lang="en">
            {result.message}
          </p>
        </details>
      )}
      {result && !result.verified && result.code === 'untrusted-log' && !byReader ? (
        <PinForm
          logId={logId}
          m={m}
          onPin={(log) => {
            savePin(log);
            setPin(log);
          }}
        />
      ) : null}
      {pinned && (
        <div className="proof-keys" data-pinned-by={byReader ? 'reader' : 'build'}>
          <h3>{byReader ? m.pinnedByYou : m.pinned}</h3>
          <dl>
            <dt>{m.operator}</dt>
            <dd data-testid="proof-operator-key">
              <code dir="ltr" lang="und-Latn" translate="no">
                {pinned.operator.keyId}
              </code>
              <br />
              {m.fingerprint}:{' '}
              <code dir="ltr" lang="und-Latn" translate="no">
                {pinned.operator.fingerprint}
              </code>
            </dd>
            <dt>{m.witnesses}</dt>
            <dd data-testid="proof-witnesses">
              {pinned.witnesses.length === 0 ? (
                m.noWitnesses
              ) : (
                <ul>
                  {pinned.witnesses.map((w) => {
                    const cosigned = result?.witnesses?.find((x) => x.keyId === w.keyId);
                    return (
                      <li key={w.keyId}>
                        <span aria-hidden="true">{cosigned ? '✓ ' : ''}</span>
                        <code dir="ltr" lang="und-Latn" translate="no">
                          {w.keyId}
                        </code>
                        <br />
                        {m.fingerprint}:{' '}
                        <code dir="ltr" lang="und-Latn" translate="no">
                          {w.fingerprint}
                        </code>
                        {cosigned && (
                          <>
                            <br />
                            <span data-testid="proof-cosigned-at">
                              {say(m.cosignedAt, {
                                time: fmt.dateTime(new Date(cosigned.time * 1000).toISOString(), 'UTC'),
                              })}
                            </span>
                          </>
                        )}
                      </li>
                    );
                  })}
                </ul>
              )}
              <p>{say(m.quorum, { quorum: pinned.quorum })}</p>
            </dd>
          </dl>
        </div>
      )}
      <button type="button" onClick={() => check()} disabled={result === null}>
        {m.again}
      </button>
      {byReader ? (
        <button
          type="button"
          data-testid="proof-pin-forget"
          onClick={() => {
            forgetPin(logId);
            setPin(null);
          }}
        >
          {m.forget}
        </button>
      ) : null}
    </section>
  );
}
