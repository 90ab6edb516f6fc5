import { describe, expect, it } from 'vitest';
import { ledgerFixture } from '../../../test/helpers/ledger-fixture.ts';
import { nodeCrypto } from '../../platform/node-crypto.ts';
import { canonicalBytes } from './canonical-json.ts';
import { checkEntries, checkEntry, essentials, KeyRing } from './entry-check.ts';
import { parseSignedEvent } from './event-sign.ts';
import { leafHash } from './merkle.ts';
import { formatVerifierKey } from './signed-note.ts';

describe('checkEntry', () => {
  const f = ledgerFixture();
  const monitor = formatVerifierKey(f.keys.monitor!);
  const partyA = formatVerifierKey(f.keys['party-a']!);
  // Words beyond ASCII: the signed bytes are a slice of the entry's UTF-8 bytes, not of its text.
  const bytes = f.event('monitor', 'statement', { text: 'قافلة مساعدات — 救援 🚚' }, { note: 'ملاحظة' });

  it('verifies the signature over the event as it is signed, with the key it names, and gives the leaf', () => {
    const ring = new KeyRing(nodeCrypto);
    ring.add(monitor);
    ring.add(partyA);
    const c = checkEntry(nodeCrypto, bytes, ring);
    expect(c.error).toBeUndefined();
    expect(c.signatures).toEqual({ [monitor]: true });
    expect(c.leaf).toEqual(leafHash(nodeCrypto.sha256, bytes));
    expect(c.signed).toEqual(essentials(parseSignedEvent(bytes)));
    const event = parseSignedEvent(bytes).event;
    const sliced = bytes.subarray(
      9,
      bytes.length - (14 + canonicalBytes(parseSignedEvent(bytes).signature).length),
    );
    expect(sliced).toEqual(canonicalBytes(event));
  });

  it('says a signature does not hold when it does not, and tries no key it was not given', () => {
    const ring = new KeyRing(nodeCrypto);
    ring.add(monitor);
    const text = new TextDecoder().decode(bytes);
    const sig = JSON.parse(text).signature.sig as string;
    const other = f.event('monitor', 'statement', { text: 'x' });
    const otherSig = JSON.parse(new TextDecoder().decode(other)).signature.sig as string;
    const forged = new TextEncoder().encode(text.replace(sig, otherSig));
    expect(checkEntry(nodeCrypto, forged, ring).signatures).toEqual({ [monitor]: false });
    expect(checkEntry(nodeCrypto, bytes, new KeyRing(nodeCrypto)).signatures).toEqual({});
  });

  it('gives the code and message parseSignedEvent throws for bytes that are no event', () => {
    const ring = new KeyRing(nodeCrypto);
    for (const bad of ['{"event":1}', 'not json', `${new TextDecoder().decode(bytes)} `]) {
      const b = new TextEncoder().encode(bad);
      let thrown: { code?: string; message: string } | undefined;
      try {
        parseSignedEvent(b);
      } catch (e) {
        thrown = e as Error & { code?: string };
      }
      expect(checkEntry(nodeCrypto, b, ring).error).toEqual({ code: thrown!.code, message: thrown!.message });
    }
  });

  it('learns the key an actor.registered event registers, for the entries after it', () => {
    const ring = new KeyRing(nodeCrypto);
    const [operator, , , , register] = f.genesis();
    ring.add(f.operatorKey);
    checkEntry(nodeCrypto, register!, ring);
    expect(checkEntry(nodeCrypto, bytes, ring).signatures).toEqual({ [monitor]: true });
    expect(checkEntry(nodeCrypto, operator!, ring).signatures).toEqual({ [f.operatorKey]: true });
  });

  it('checks a batch as it checks each entry in turn: a key registered in the batch is tried on the entries after it, not before', () => {
    const [operator, , , , register] = f.genesis();
    const text = new TextDecoder().decode(bytes);
    const otherSig = JSON.parse(new TextDecoder().decode(operator!)).signature.sig as string;
    const forged = new TextEncoder().encode(text.replace(JSON.parse(text).signature.sig, otherSig));
    const batch = [bytes, operator!, register!, bytes, forged, new TextEncoder().encode('not json'), bytes];
    const one = new KeyRing(nodeCrypto);
    one.add(f.operatorKey);
    const each = batch.map((b) => checkEntry(nodeCrypto, b, one));
    const all = new KeyRing(nodeCrypto);
    all.add(f.operatorKey);
    expect(checkEntries(nodeCrypto, batch, all)).toEqual(each);
    expect(each.map((c) => c.signatures)).toEqual([
      {},
      { [f.operatorKey]: true },
      { [f.operatorKey]: true },
      { [monitor]: true },
      { [monitor]: false },
      {},
      { [monitor]: true },
    ]);
    expect(checkEntries(nodeCrypto, [], all)).toEqual([]);
  });

  it('keeps of an event what the ordered checks read: every member of actor events, references of the others', () => {
    const ack = parseSignedEvent(
      f.event('party-a', 'acknowledgement', { of: 'ab'.repeat(32), reason: 'seen' }),
    );
    expect(essentials(ack).event.body).toEqual({ of: 'ab'.repeat(32) });
    const reg = parseSignedEvent(f.register('mediator'));
    expect(essentials(reg).event.body).toEqual(reg.event.body);
  });
});
