import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAgreement } from '../src/core/agreement/index.ts';
import type { Agreement, ProvisionOf } from '../src/core/agreement/types.ts';
import { runCli } from './helpers/run-cli.ts';

const dir = new URL('../examples/agreements/', import.meta.url).pathname;
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));

function load(name: string): Agreement {
  const result = parseAgreement(readFileSync(join(dir, name), 'utf8'), name);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.agreement;
}

function provision<K extends Agreement['provisions'][number]['kind']>(a: Agreement, kind: K, id: string) {
  const p = a.provisions.find((x) => x.id === id);
  expect(p?.kind).toBe(kind);
  return p as ProvisionOf<K>;
}

describe('shipped examples', () => {
  it('are all six agreements of the brief', () => {
    expect(files.sort()).toEqual([
      'all-for-all-position.yaml',
      'feb-2024-counter-proposal.yaml',
      'jan-2025-ceasefire.yaml',
      'may-2024-proposal.yaml',
      'nov-2023-pause.yaml',
      'vaccination-pauses-2024.yaml',
    ]);
  });

  it('`truce validate examples/agreements/*` passes', async () => {
    const r = await runCli('validate', ...files.map((f) => `examples/agreements/${f}`));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it.each(files)('%s has no warnings and points editors at the schema', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schema/agreement.schema.json');
    const result = parseAgreement(text, file);
    expect(result.ok && result.warnings).toEqual([]);
  });

  it('Nov 2023: 50 for 150 at 3 per person, at least 10 a day, extension 1 day per 10', () => {
    const a = load('nov-2023-pause.yaml');
    const ex = provision(a, 'exchange', 'exchange');
    expect(ex.release.total).toBe(50);
    expect(ex.release.categories.map((c) => c.ratio)).toEqual([3, 3]);
    expect(ex.release.minPerBatch).toBe(10);
    expect(ex.counterpart.total).toBe(150);
    expect(a.phases[0]!.extension).toMatchObject({ days: 1, per: { provision: 'exchange', releases: 10 } });
    expect(
      provision(a, 'aid', 'aid')
        .perDay.slice(0, 2)
        .map((q) => q.quantity),
    ).toEqual([200, 4]);
  });

  it('Jan 2025: three phases of 42 days, 33 on the 3 / 4 / 26 schedule, 30:1 and 50:1, 600 trucks', () => {
    const a = load('jan-2025-ceasefire.yaml');
    expect(a.phases.map((p) => p.lengthDays)).toEqual([42, 42, 42]);
    const ex = provision(a, 'exchange', 'phase-1-exchange');
    expect(ex.release.total).toBe(33);
    expect(ex.release.categories.map((c) => c.ratio)).toEqual([30, 50]);
    const aid = provision(a, 'aid', 'aid');
    expect(aid.perDay.map((q) => [q.id, q.quantity])).toEqual([
      ['trucks', 600],
      ['fuel', 50],
      ['north', 300],
    ]);
    expect(provision(a, 'negotiation', 'phase-2-talks').byDay).toBe(16);
    expect(provision(a, 'withdrawal', 'withdrawal-netzarim').byDay).toBe(22);
    expect(provision(a, 'crossing', 'rafah').condition?.provision).toBe('phase-1-exchange');
    expect(provision(a, 'medical-evacuation', 'medical-evacuation').uncertain).toBe(true);
  });

  it('Feb 2024: 135 days in three phases of 45, 1,500 prisoners in all, at least 500 trucks', () => {
    const a = load('feb-2024-counter-proposal.yaml');
    expect(a.phases.map((p) => p.lengthDays)).toEqual([45, 45, 45]);
    expect(provision(a, 'exchange', 'phase-1-exchange').counterpart.total).toBe(1500);
    expect(provision(a, 'aid', 'aid').perDay[0]).toMatchObject({ quantity: 500, atLeast: true });
  });

  it('keeps the uncertain terms marked', () => {
    expect(
      provision(load('may-2024-proposal.yaml'), 'exchange', 'phase-1-exchange').counterpart.uncertain,
    ).toBe(true);
    expect(provision(load('all-for-all-position.yaml'), 'exchange', 'exchange').release.uncertain).toBe(true);
    expect(provision(load('nov-2023-pause.yaml'), 'text', 'eligible-prisoners').uncertain).toBe(true);
  });

  it('vaccination pauses: three zones in turn, 3 days each, 06:00–15:00, two rounds four weeks apart', async () => {
    const r = await runCli('plan', 'examples/agreements/vaccination-pauses-2024.yaml', '--json');
    const plan = JSON.parse(r.stdout);
    const pauses = plan.days.flatMap(
      (d: { obligations: { action: string; destination: string; day: number }[] }) =>
        d.obligations.filter((o) => o.action === 'pause' && o.destination === 'centre'),
    );
    expect([...new Set(pauses.map((o: { day: number }) => o.day))]).toEqual([1, 2, 3, 29, 30, 31]);
  });
});
