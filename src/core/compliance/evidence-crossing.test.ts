import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEvaluator } from './evaluate.ts';
import { type CrossingEvidence, EvidenceReceiver, EvidenceSender } from './evidence-crossing.ts';
import { FIXTURE_YAML } from './fixture-agreement.ts';
import { isLazyHashes } from './packed-evidence.ts';
import { actors, agreementOf, logged } from './test-log.ts';

const hash = (n: number) => n.toString(16).padStart(64, '0');
const agreement = agreementOf(FIXTURE_YAML);

/** Through structured clone, the hashes moved, as a worker's answer crosses to the server's thread. */
function across<T>(sent: CrossingEvidence<T>): CrossingEvidence<T> {
  return structuredClone(sent, { transfer: [sent.hashes.buffer as ArrayBuffer] });
}

/** The hashes an answer carries. */
const carried = (sent: CrossingEvidence<unknown>) => sent.hashes.length / 32;

describe('EvidenceSender and EvidenceReceiver', () => {
  it("give back a live evaluator's result at every step, as lists change and stay (property, fixed seed)", () => {
    const days = ['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04'];
    const step = fc.record({
      events: fc.array(
        fc.record({
          day: fc.nat({ max: 3 }),
          minute: fc.nat({ max: 59 }),
          quantity: fc.integer({ min: 1, max: 12 }),
        }),
        { maxLength: 3 },
      ),
      hour: fc.nat({ max: 23 }),
    });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => {
        const evaluator = createEvaluator(agreement);
        for (const e of actors()) evaluator.apply(e);
        const sender = new EvidenceSender('s');
        const receiver = new EvidenceReceiver();
        let before = new Map<unknown, unknown>();
        for (const [n, s] of steps.entries()) {
          for (const e of s.events) {
            const date = days[e.day]!;
            const at = `${days[3]}T${String(n % 24).padStart(2, '0')}:${String(e.minute).padStart(2, '0')}:00+02:00`;
            evaluator.apply(
              logged(
                'med',
                'aid.delivered',
                at,
                { date, quantity: e.quantity, unit: 'truck', category: 'aid' },
                'UN',
              ),
            );
          }
          const asOf = `2024-01-05T${String(s.hour).padStart(2, '0')}:00:00+02:00`;
          const result = evaluator.result(asOf);
          const sent = sender.send(result, receiver.have());
          // Only the first answer comes whole; each later one names what the receiver holds.
          expect(sent.base).toBe(n === 0 ? undefined : n);
          const back = receiver.receive(across(sent));
          expect(back).toEqual(result);
          expect(JSON.stringify(back)).toBe(JSON.stringify(result));
          // A list the evaluator handed out again comes back as the array the receiver held.
          const now = new Map<unknown, unknown>();
          for (const [i, o] of result.obligations.entries()) {
            const got = back!.obligations[i]!.evidence;
            if (before.has(o.evidence)) expect(got).toBe(before.get(o.evidence));
            if (o.evidence.length > 0) now.set(o.evidence, got);
          }
          before = now;
        }
      }),
      { seed: 20261207, numRuns: 40 },
    );
  });

  it('send an unchanged list once, and a list changed again', () => {
    const a = [hash(1), hash(2), hash(3)];
    const b = [hash(4), hash(5)];
    const sender = new EvidenceSender('s');
    const receiver = new EvidenceReceiver();
    const first = sender.send({ x: { evidence: a }, y: [{ evidence: b }, { evidence: a }] }, receiver.have());
    expect(carried(first)).toBe(5);
    const one = receiver.receive(across(first))!;
    expect(one).toEqual({ x: { evidence: a }, y: [{ evidence: b }, { evidence: a }] });
    expect(one.x.evidence).toBe(one.y[1]!.evidence);
    // Nothing changed: no hash crosses, and the receiver hands out the same arrays.
    const second = sender.send(
      { x: { evidence: a }, y: [{ evidence: b }, { evidence: a }] },
      receiver.have(),
    );
    expect(carried(second)).toBe(0);
    const two = receiver.receive(across(second))!;
    expect(two.x.evidence).toBe(one.x.evidence);
    expect(two.y[0]!.evidence).toBe(one.y[0]!.evidence);
    // A new list crosses, alone; the one no longer in the answer is let go.
    const c = [...b, hash(6)];
    const third = sender.send({ x: { evidence: a }, y: [{ evidence: c }] }, receiver.have());
    expect(carried(third)).toBe(3);
    const three = receiver.receive(across(third))!;
    expect(three).toEqual({ x: { evidence: a }, y: [{ evidence: c }] });
    expect(three.x.evidence).toBe(one.x.evidence);
    expect(receiver.held()).toBe(2);
    // Lists handed out never change; were one to, its length or end says so, and it crosses again.
    a[2] = hash(9);
    const fourth = sender.send({ x: { evidence: a }, y: [{ evidence: c }] }, receiver.have());
    expect(carried(fourth)).toBe(3);
    expect(receiver.receive(across(fourth))!.x.evidence).toEqual([hash(1), hash(2), hash(9)]);
  });

  it('leave what is not a list of leaf hashes as it is, and make lazy lists plain', () => {
    const sender = new EvidenceSender('s');
    const receiver = new EvidenceReceiver();
    const value = {
      notes: { evidence: ['not a hash'] },
      none: { evidence: [] as string[] },
      evidence: [hash(1)],
    };
    const back = receiver.receive(across(sender.send(value)))!;
    expect(back).toEqual(value);
    expect(isLazyHashes(back.notes.evidence)).toBe(false);
    expect(isLazyHashes(back.evidence)).toBe(true);
    const again = sender.send(value, receiver.have());
    expect(receiver.receive(across(again))).toEqual(value);
  });

  it('refuse an answer naming lists not held, changing nothing, and take the whole answer asked for again', () => {
    const a = [hash(1), hash(2)];
    const b = [hash(3)];
    const sender = new EvidenceSender('s');
    const receiver = new EvidenceReceiver();
    receiver.receive(across(sender.send({ evidence: a, other: { evidence: b } })));
    const base = receiver.have();
    // Two answers asked for with the same base cross: the second, from a base the sender has moved
    // past, comes whole.
    const one = sender.send({ evidence: a, other: { evidence: [hash(4)] } }, base);
    const two = sender.send({ evidence: a, other: { evidence: b } }, base);
    expect(one.base).toBe(base!.seq);
    expect(two.base).toBeUndefined();
    expect(receiver.receive(across(one))).toEqual({ evidence: a, other: { evidence: [hash(4)] } });
    expect(receiver.receive(across(two))).toEqual({ evidence: a, other: { evidence: b } });
    // A receiver that let its lists go (a new one) refuses an answer that names them, whatever the
    // answer says of its base; so does one holding another sender's lists.
    const named = sender.send({ evidence: a, other: { evidence: b } }, receiver.have());
    expect(named.base).toBeDefined();
    expect(carried(named)).toBe(0);
    const fresh = new EvidenceReceiver();
    expect(fresh.receive(structuredClone(named))).toBeUndefined();
    const other = new EvidenceReceiver();
    other.receive(across(new EvidenceSender('t').send({ evidence: a, other: { evidence: b } })));
    expect(other.receive(structuredClone(named))).toBeUndefined();
    // The same list ids from another sender are never taken for its own.
    expect(other.held()).toBe(2);
    // Asked again, naming no base: whole, and right.
    const whole = sender.send({ evidence: a, other: { evidence: b } }, fresh.have());
    expect(whole.base).toBeUndefined();
    expect(fresh.receive(across(whole))).toEqual({ evidence: a, other: { evidence: b } });
  });

  it("hold only the last answer's lists, however many answers came", () => {
    const sender = new EvidenceSender('s');
    const receiver = new EvidenceReceiver();
    const kept = Array.from({ length: 5 }, (_, i) => [hash(i + 1)]);
    for (let n = 0; n < 200; n++) {
      const value = {
        kept: kept.map((evidence) => ({ evidence })),
        changing: { evidence: [hash(1000 + n)] },
      };
      expect(receiver.receive(across(sender.send(value, receiver.have())))).toEqual(value);
      expect(receiver.held()).toBe(6);
    }
  });
});
