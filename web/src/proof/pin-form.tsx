import { useState } from 'react';
import { nobleCrypto } from '../../../src/core/crypto/noble-crypto.ts';
import { ErrorAlert } from '../components/common.tsx';
import type { ProofMessages } from './proof-messages.ts';
import { parsePin } from './reader-trust.ts';
import type { TrustedLog } from './trust.ts';

/** The reader types the keys of a log this build does not pin; they are checked before being kept. */
export function PinForm({
  logId,
  m,
  onPin,
}: {
  logId: string;
  m: ProofMessages;
  onPin: (log: TrustedLog) => void;
}) {
  const [origin, setOrigin] = useState(`truce.example/log/${logId}`);
  const [logKey, setLogKey] = useState('');
  const [witnesses, setWitnesses] = useState('');
  const [quorum, setQuorum] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="form panel"
      data-testid="proof-pin-form"
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = parsePin(nobleCrypto, { logId, origin, logKey, witnesses, quorum });
        if (parsed.ok) onPin(parsed.log);
        else setError(parsed.error);
      }}
    >
      <h3>{m.pinTitle}</h3>
      <p className="muted">{m.pinIntro}</p>
      <label>
        {m.pinOrigin}
        <input value={origin} onChange={(e) => setOrigin(e.target.value)} dir="ltr" required />
      </label>
      <label>
        {m.pinLogKey}
        <input
          data-testid="proof-pin-logkey"
          value={logKey}
          onChange={(e) => setLogKey(e.target.value)}
          dir="ltr"
          spellCheck={false}
          required
        />
      </label>
      <label>
        {m.pinWitnesses}
        <textarea
          data-testid="proof-pin-witnesses"
          value={witnesses}
          onChange={(e) => setWitnesses(e.target.value)}
          dir="ltr"
          rows={2}
          spellCheck={false}
        />
      </label>
      <label>
        {m.pinQuorum}
        <input
          data-testid="proof-pin-quorum"
          value={quorum}
          onChange={(e) => setQuorum(e.target.value)}
          inputMode="numeric"
          dir="ltr"
        />
      </label>
      <ErrorAlert message={error && m.pinInvalid.replace('{detail}', error)} />
      <button type="submit" data-testid="proof-pin-save">
        {m.pinSave}
      </button>
    </form>
  );
}
