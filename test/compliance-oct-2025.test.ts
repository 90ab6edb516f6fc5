import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildOct2025 } from '../examples/logs/build-oct-2025.ts';
import { parseAgreement } from '../src/core/agreement/parse-agreement.ts';
import { evaluate } from '../src/core/compliance/evaluate.ts';
import type { Evaluation, LoggedEvent } from '../src/core/compliance/types.ts';
import { toHex } from '../src/core/crypto/crypto.ts';
import { headlineFigures } from '../src/core/figures/headline-figures.ts';
import { parseSignedEvent } from '../src/core/ledger/event-sign.ts';
import { leafHash } from '../src/core/ledger/merkle.ts';
import { explain } from '../src/core/words/explain.ts';
import { nodeCrypto } from '../src/platform/node-crypto.ts';
import { runCli } from './helpers/run-cli.ts';

const here = dirname(fileURLToPath(import.meta.url));
const LOG = join(here, '..', 'examples', 'logs', 'oct-2025-ceasefire');
const parsed = parseAgreement(
  readFileSync(join(here, '..', 'examples', 'agreements', 'oct-2025-ceasefire.yaml'), 'utf8'),
  'oct-2025-ceasefire.yaml',
);
if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
const agreement = parsed.agreement;
const events: LoggedEvent[] = readFileSync(join(LOG, 'events.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => {
    const bytes = new TextEncoder().encode(line);
    return { leafHash: toHex(leafHash(nodeCrypto.sha256, bytes)), event: parseSignedEvent(bytes) };
  });

const at = (iso: string) => evaluate(agreement, events, iso);
const ob = (e: Evaluation, id: string) => e.obligations.find((o) => o.obligation.id === id)!;
const prov = (e: Evaluation, id: string) => e.provisions.find((p) => p.provision === id)!;
/** Well after the last event of the record (the Rafah figures of 2–9 Feb 2026). */
const LATER = '2026-02-10T12:00:00+02:00';

describe('the public record of the October 2025 ceasefire, from its log', () => {
  it('all 20 living hostages handed over through the ICRC by 13 Oct 12:00: met', () => {
    const o = ob(at('2025-10-13T13:00:00+03:00'), 'living-exchange/hand-over/4');
    expect(o).toMatchObject({ status: 'met', required: 20, done: 20 });
  });

  it('1,968 released per the Israel Prison Service, beside 1,966 (Reuters) and 1,808 (ICRC), never one picked', () => {
    const o = ob(at(LATER), 'living-exchange/release/4');
    expect(o).toMatchObject({ status: 'disputed', required: 1968, done: 1968 });
    expect(o.disputes!.map((d) => [d.recorded.figure, d.disputedBy.figure])).toEqual([
      [1968, 1966],
      [1968, 1808],
    ]);
    expect(o.disputes![0]!.recorded.source).toBe('Israel Prison Service; IDF (BBC, AFP, Times of Israel)');
  });

  it('remains: 4 of 28 by the deadline; the rest late by the dates reported; the findings taken out; the last recovered, not handed over', () => {
    expect(ob(at('2025-10-13T13:00:00+03:00'), 'remains-exchange/hand-over/4')).toMatchObject({
      done: 4,
      required: 28,
    });
    const e = at(LATER);
    const o = ob(e, 'remains-exchange/hand-over/4');
    // 27 handed over in the end (the not-a-hostage and the partial remains are not counted).
    expect(o).toMatchObject({ status: 'partly-met', required: 28, done: 27 });
    expect(o.remains!.map((f) => f.finding).sort()).toEqual([
      'matches',
      'not-a-hostage',
      'partial-remains-of-returned',
    ]);
    expect(o.postponed![0]).toMatchObject({ party: 'hamas', from: '2025-10-28T12:00:00+02:00' });
    expect(prov(e, 'remains-exchange').recovered).toEqual([
      expect.objectContaining({ by: 'israel', count: 1, at: '2026-01-26T12:00:00+02:00' }),
    ]);
  });

  it('360 bodies returned, against 15 for each of the 27 counted by the ratio (420 for all 28)', () => {
    const e = at(LATER);
    expect(ob(e, 'remains-exchange/release/4')).toMatchObject({ required: 405, done: 360 });
    expect(ob(e, 'remains-exchange/release/4').obligation.quantity).toBe(420);
    const bodies = e.exchanges.directions.find(
      (d) => d.provision === 'remains-exchange' && d.from === 'israel',
    )!;
    expect(bodies.counted).toBe(360);
    // Remains are never added to the living.
    const living = e.exchanges.directions.find(
      (d) => d.provision === 'living-exchange' && d.from === 'israel',
    )!;
    expect(living.counted).toBe(1968);
  });

  it('the 360 bodies stated as the agreed total stand beside the ratio’s figure (15 × 27), in the release, the ratio, the headline, the CLI and the report', async () => {
    const e = at(LATER);
    const stated = [expect.objectContaining({ value: 360, uncertain: true })];
    expect(ob(e, 'remains-exchange/release/4').statedTotal).toEqual(stated);
    const ratio = e.exchanges.ratios.find((r) => r.provision === 'remains-exchange')!;
    expect(ratio).toMatchObject({ expected: 405, released: 360, holds: false });
    expect(ratio).toMatchObject({ statedTotal: stated, byRatio: 420 });
    expect(explain(ratio.explanation, agreement)).toContain(
      '420 by the ratio in all, total stated in the agreement: ⚠ 360',
    );
    // The same in the reader's language, as phrase codes worded at the edge.
    expect(explain(ratio.explanation, agreement, 'ar')).toContain(
      '420 بحسب النسبة في المجموع، والمجموع المذكور في الاتفاق: ⚠ 360',
    );
    expect(explain(ratio.explanation, agreement, 'he')).toContain(
      '420 לפי היחס בסך הכול, הסך הנקוב בהסכם: ⚠ 360',
    );
    const release = headlineFigures(agreement, e).releases.find(
      (r) => r.provision === 'remains-exchange' && r.party === 'israel',
    )!;
    expect(release).toMatchObject({ counted: 360, dueSoFar: 405, byRatio: 420, uncertain: true });
    expect(release.statedTotal).toEqual(stated);
    const json = JSON.parse((await runCli('status', LOG, '--at', '2026-02-10', '--json')).stdout);
    expect(
      json.obligations.find((o: { obligation: string }) => o.obligation === 'remains-exchange/release/4')
        .statedTotal,
    ).toEqual(stated);
    expect(
      json.exchanges.find(
        (d: { provision: string; from: string }) => d.provision === 'remains-exchange' && d.from === 'israel',
      ),
    ).toMatchObject({ byRatio: 420, statedTotal: stated });
    const status = await runCli('status', LOG, '--at', '2026-02-10');
    expect(status.stdout).toContain(
      'Returned by Israel (Bodies of Palestinians): 360 of ⚠ 405 in the plan to date; 420 by the ratio in all, total stated in the agreement: ⚠ 360 (Reported as the agreed total)',
    );
    const report = await runCli('report', LOG, '--date', '2026-02-10');
    expect(report.stdout).toContain(
      'of ⚠ 405 in the plan to date; 420 by the ratio in all, total stated in the agreement: ⚠ 360',
    );
  });

  it('explanations count remains in the plan’s unit for them, not as persons, and write figures with thousands separators', () => {
    const e = at(LATER);
    const handover = ob(e, 'remains-exchange/hand-over/4');
    expect(handover.obligation.unit).toBe('remains');
    expect(explain(handover.explanation, agreement)).toMatch(/^Batch 1 \(28 remains\) due 13 Oct 12:00;/);
    const bodies = ob(e, 'remains-exchange/release/4');
    expect(explain(bodies.explanation, agreement)).toMatch(
      /^Batch 1: 405 remains to return \(for 27 remains counted\) by /,
    );
    expect(
      `${explain(handover.explanation, agreement)} ${explain(bodies.explanation, agreement)}`,
    ).not.toContain('person');
    const release = ob(e, 'living-exchange/release/4');
    expect(explain(release.explanation, agreement)).toMatch(
      /^In all: 1,968 persons to release by 13 Oct 12:00; 1,968 released by Israel/,
    );
    expect(explain(release.explanation, agreement)).toContain(
      'recorded 1,968; Monitor (demo key) disputes it, giving 1,966',
    );
  });

  it('aid: no figure for any single day; COGAT’s (AP), the UN 2720 mechanism’s and the Hamas document’s period figures side by side; the cap and the halt beside the quota', () => {
    const e = at(LATER);
    const h = headlineFigures(agreement, e);
    const trucks = h.quotas.find((q) => q.quota === 'trucks')!;
    expect(trucks.sources).toEqual([]);
    expect(trucks.daysUnrecorded).toBe(trucks.daysDue);
    expect(trucks.periods.map((p) => [p.source, p.quantity, p.from, p.to])).toEqual([
      ['A Hamas document given to AP', 7333, '2025-10-10', '2025-12-06'],
      ['UN 2720 mechanism', 6545, '2025-10-10', '2025-12-07'],
      ['AP analysis of COGAT figures', 25700, '2025-10-12', '2025-12-07'],
    ]);
    // The quota of those days, at 400 and at 600 a day (the two stated values): 57 days, 12 Oct to 7 Dec.
    expect(trucks.periods[2]).toMatchObject({ quota: 57 * 400, quotaMax: 57 * 600 });
    // The cap of 15 Oct stays in force (aid resumed on 20 Oct from the halt only).
    const aid = prov(e, 'aid');
    expect(aid.capped![0]).toMatchObject({ quantity: 300, from: '2025-10-15T12:00:00+03:00' });
    expect(aid.capped![0]!.until).toBeUndefined();
    expect(aid.suspended![0]).toMatchObject({
      from: '2025-10-19T12:00:00+03:00',
      until: '2025-10-20T12:00:00+03:00',
    });
    expect(ob(e, 'aid/admit-aid/10/trucks')).toMatchObject({ status: 'unrecorded' });
    expect(ob(e, 'aid/admit-aid/10/trucks').done).toBeUndefined();
  });

  it('the allegations, each as its side stated it, with casualty figures by source never added', () => {
    const e = at(LATER);
    const strikes = e.allegations.find((a) => a.description === 'Strikes across Gaza.')!;
    expect(strikes).toMatchObject({ by: 'hamas', against: 'israel', state: 'open' });
    expect(strikes.casualties!.map((c) => [c.killed, c.source])).toEqual([
      [26, 'Reuters'],
      [29, 'AP'],
      [36, 'Gaza Health Ministry'],
      [44, 'hospital sources'],
    ]);
    const rafahFire = e.allegations.find((a) => a.description.startsWith('Fire at troops in Rafah'))!;
    expect(rafahFire).toMatchObject({
      by: 'israel',
      against: 'hamas',
      state: 'disputed',
      reason: 'Hamas denied involvement.',
    });
    // The disputed allegation and the four nobody answered are all told, not "1 allegation".
    expect(explain(prov(e, 'ceasefire').explanation, agreement)).toMatch(
      /^1 allegation: .* Not answered: 4 allegations: /,
    );
    expect(prov(e, 'ceasefire').enforced![0]).toMatchObject({
      by: 'israel',
      at: '2025-10-29T10:00:00+02:00',
    });
  });

  it('Rafah: no date agreed; waits for the remains before the last is recovered, unrecorded after, met once it opened (2 Feb 2026), never late', () => {
    const before = at('2026-01-20T12:00:00+02:00');
    expect(before.obligations.some((o) => o.obligation.provision === 'rafah')).toBe(false);
    expect(prov(before, 'rafah')).toMatchObject({ status: 'not-yet-due', waitsOn: 'remains-exchange' });
    // The sentence names what waits (Rafah) and on what: read apart from its line, it is not taken
    // for a wait of the provision listed before it.
    expect(explain(prov(before, 'rafah').explanation, agreement)).toMatch(
      /^Rafah crossing waits for Return of the remains of deceased hostages/,
    );
    expect(explain(prov(before, 'rafah').explanation, agreement, 'ar')).toMatch(
      /^البند «\u2068?معبر رفح\u2069?» ينتظر \u2068?إعادة رفات الرهائن المتوفين/,
    );
    expect(explain(prov(before, 'rafah').explanation, agreement, 'he')).toMatch(
      /^הסעיף „\u2068?מעבר רפיח\u2069?” ממתין ל־\u2068?השבת גופות החטופים שמתו/,
    );

    const between = ob(at('2026-01-30T12:00:00+02:00'), 'rafah/open-crossing/109');
    expect(between).toMatchObject({
      status: 'unrecorded',
      due: null,
      noAgreedDate: true,
      obligation: { date: '2026-01-26', conditionMetAt: '2026-01-26T12:00:00+02:00' },
    });
    expect(between.overdueMinutes).toBeUndefined();
    expect(explain(between.explanation, agreement)).toContain('nothing recorded; no date was agreed');

    const e = at(LATER);
    const open = ob(e, 'rafah/open-crossing/109');
    expect(open).toMatchObject({
      status: 'met',
      completedAt: '2026-02-02T09:00:00+02:00',
      noAgreedDate: true,
    });
    expect(open.lateMinutes).toBeUndefined();
    expect(explain(open.explanation, agreement)).toContain(
      'opened 2 Feb 09:00; met (no date was agreed, so it cannot be late)',
    );
    // The agreed flows (50/50, or ⚠ 150/50) beside the recorded figures of 2–9 Feb, never added across sources.
    expect(
      open.flows!.map((f) => [f.direction, f.perDay.map((v) => [v.value, v.uncertain ?? false])]),
    ).toEqual([
      [
        'out',
        [
          [50, false],
          [150, true],
        ],
      ],
      [
        'in',
        [
          [50, false],
          [50, false],
        ],
      ],
    ]);
    expect(open.throughput!.map((t) => [t.direction, t.quantity, t.from, t.to, t.parts])).toEqual([
      ['out', 316, '2026-02-02', '2026-02-09', { patients: 125, companions: 191 }],
      ['in', 312, '2026-02-02', '2026-02-09', { people: 312 }],
    ]);
    expect(explain(open.explanation, agreement)).toContain(
      'Agreed flows: 50 out, 50 in a day; or ⚠ 150 out, 50 in a day.',
    );
    expect(explain(open.explanation, agreement, 'ar')).toContain(
      'الأعداد المتفق عليها: 50 خروجًا، 50 دخولًا يوميًا؛ أو ⚠ 150 خروجًا، 50 دخولًا يوميًا.',
    );
    expect(explain(open.explanation, agreement, 'he')).toContain(
      'נפתח ב־2 בפבר׳, 09:00; בוצע (לא הוסכם מועד, ולכן אין איחור). תנועה מוסכמת: 50 ביציאה, 50 בכניסה ביום; או ⚠ 150 ביציאה, 50 בכניסה ביום.',
    );
    expect(prov(e, 'rafah')).toMatchObject({ status: 'met', counts: { met: 1 } });
  });

  it('the force authorized until 31 Dec 2027 is a date on the timeline, not an obligation of any party', () => {
    const e = at(LATER);
    expect(e.obligations.some((o) => o.obligation.provision === 'international-force')).toBe(false);
    expect(e.dates).toEqual([
      expect.objectContaining({ provision: 'international-force', date: '2027-12-31' }),
    ]);
    const p = prov(e, 'international-force');
    expect(p).toMatchObject({ status: 'dated-fact', counts: {} });
    expect(explain(p.explanation, agreement)).toMatch(/^A date, not an obligation of any party: /);
    expect(explain(p.explanation, agreement)).toContain('authorized until 31 Dec 2027 (2027-12-31).');
    expect(explain(p.explanation, agreement, 'ar')).toBe(
      'تاريخ، وليس التزامًا على أي طرف: قوة الاستقرار الدولية (31 ديسمبر 2027).',
    );
    expect(explain(p.explanation, agreement, 'he')).toBe(
      'תאריך, לא התחייבות של צד כלשהו: כוח הייצוב הבינלאומי (31 בדצמ׳ 2027).',
    );
  });

  it('the return north began on 10 Oct; the pullback was met at the start', () => {
    const e = at(LATER);
    expect(ob(e, 'return-north/allow-return/1').status).toBe('met');
    expect(ob(e, 'pullback/withdraw/1').status).toBe('met');
  });

  it('explanations name the sides as the agreement does and the monitor by its registered name; the fields keep the ids', () => {
    const e = at(LATER);
    const release = ob(e, 'living-exchange/release/4');
    expect(explain(release.explanation, agreement)).toContain('1,968 released by Israel at 13 Oct 12:00');
    expect(explain(release.explanation, agreement)).toContain('Monitor (demo key) disputes it, giving 1,966');
    expect(explain(release.explanation, agreement)).toContain(
      'International Committee of the Red Cross disputes it, giving 1,808',
    );
    expect(release.disputes!.map((d) => d.disputedBy.actor)).toEqual(['monitor', 'icrc']);
    // Two disputes of one record: the record is said once, each dispute after it in a sentence of its own.
    const words = explain(release.explanation, agreement);
    expect(words.match(/recorded 1,968/g)).toHaveLength(1);
    expect(words).toMatch(
      /recorded 1,968; Monitor \(demo key\) disputes it, giving 1,966: [^;]*\. International Committee of the Red Cross disputes it, giving 1,808: /,
    );
    expect(explain(prov(e, 'ceasefire').explanation, agreement)).toMatch(
      /Alleged by Israel: Fire at troops in Rafah; two soldiers killed\. Hamas disputes it: Hamas denied involvement/,
    );
  });

  it('the report of 19 Oct names the exchanges in its cumulative figures and the fields of what happened by their labels', async () => {
    const r = await runCli('report', LOG, '--date', '2025-10-19');
    expect(r.stdout).toContain(
      'Return of the remains of deceased hostages and of Palestinian bodies: Hamas → Israel: 12 counted under the formula, 0 outside the formula',
    );
    expect(r.stdout).toContain(
      'Return of the living hostages and release of prisoners and detainees: Israel → Hamas: 1,968 counted under the formula',
    );
    expect(r.stdout).toContain(
      'handover completed — recorded by Hamas: provision: Return of the remains of deceased hostages and of Palestinian bodies, count: 3, to: Israel, via: International Committee of the Red Cross, categories: Remains of deceased hostages (3)',
    );
    expect(r.stdout).toContain('casualties: 26 killed per Reuters · 29 killed per AP');
    expect(r.stdout).not.toMatch(/provision: remains-exchange|to: israel|via: icrc/);
    // The chart of the cumulative figures names the sides too.
    expect(r.stdout).toContain('Israel → Hamas: 1,968</text>');
    expect(r.stdout).not.toContain('hamas → israel');
  });

  it('a status or report of October 2025 tells nothing of 2026: the agreement states its terms, the log what happened after', async () => {
    for (const lang of ['en', 'ar', 'he']) {
      const status = await runCli('status', LOG, '--at', '2025-10-14', '--lang', lang);
      const report = await runCli('report', LOG, '--date', '2025-10-14', '--lang', lang);
      for (const out of [status.stdout, report.stdout]) {
        expect(out).toContain('360');
        expect(out, lang).not.toMatch(/2026|٢٠٢٦/);
      }
    }
    // The outcome comes from the log's events, on the day they tell it.
    const later = await runCli('report', LOG, '--date', '2026-01-29');
    expect(later.stdout).toContain('360 returned by Israel, fewer than 15 × 27 counted from Hamas');
  });

  it("the report's events name a release of bodies as remains returned, and the release of prisoners as a release, in each language", async () => {
    const words = {
      en: ['12:00 remains returned — recorded by Israel', 'release completed — recorded by Israel'],
      ar: ['إعادة رفات — سُجّل من جانب', 'تنفيذ إفراج — سُجّل من جانب'],
      he: ['השבת גופות — נרשם', 'ביצוע שחרור — נרשם'],
    };
    for (const [lang, [returned, released]] of Object.entries(words)) {
      const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/[\u2068\u2069]/g, '');
      const day14 = text((await runCli('report', LOG, '--date', '2025-10-14', '--lang', lang)).stdout);
      expect(day14, lang).toContain(returned);
      expect(day14, lang).not.toContain(released);
      const day13 = text((await runCli('report', LOG, '--date', '2025-10-13', '--lang', lang)).stdout);
      expect(day13, lang).toContain(released);
    }
  });

  it('overdue against a deadline the agreement does not state firmly carries the ⚠: the bodies’ (derived by the plan), the remains’ (what starts the 72 h is uncertain)', async () => {
    const words = {
      en: [
        'partly met, 12 h past the derived deadline ⚠',
        'partly met, 7 d 12 h past the uncertain deadline ⚠',
      ],
      ar: [
        'نُفِّذ جزئيًا؛ مضى على الموعد المستنتَج ⚠ 12 ساعة',
        'نُفِّذ جزئيًا؛ مضى على الموعد غير المؤكَّد ⚠ 7 أيام و12 ساعة',
      ],
      he: ['בוצע חלקית, 12 שעות אחרי המועד הנגזר ⚠', 'בוצע חלקית, 7 ימים ו־12 שעות אחרי המועד הלא ודאי ⚠'],
    };
    for (const [lang, [bodies, remains]] of Object.entries(words)) {
      const report = (await runCli('report', LOG, '--date', '2025-10-20', '--lang', lang)).stdout;
      expect(report, lang).toContain(bodies);
      expect(report, lang).toContain(remains);
      expect(report, lang).not.toMatch(/overdue by|ومدة التأخير|באיחור של/);
    }
    const e = at('2025-10-20T23:59:00+03:00');
    expect(ob(e, 'remains-exchange/release/4').obligation.deadline).toBe('derived');
    // The status itself rests on that deadline: it carries the ⚠ (JSON, and the report's row).
    expect(ob(e, 'remains-exchange/release/4').uncertain).toBe(true);
    const en = (await runCli('report', LOG, '--date', '2025-10-20')).stdout;
    // The bodies' release is due that day (its deadline moved with the late handover): listed under
    // the day's obligations as well as under what is late, beside the remains' handover.
    expect(en.match(/<td class="s">partly-met ⚠<\/td>/g)).toHaveLength(3);
    expect(ob(e, 'remains-exchange/hand-over/4').obligation.deadline).toBe('uncertain');
    // The living were released by a deadline the plan derived, and on time: nothing to mark.
    expect(explain(ob(e, 'living-exchange/hand-over/4').explanation, agreement)).toMatch(/; met\.$/);
  });

  it('truce status names each side of an allegation and the term alleged against by their names', async () => {
    const r = await runCli('status', LOG, '--at', '2026-02-10');
    expect(r.stdout).toContain(
      'alleged by Israel against Hamas (Ceasefire), 2025-10-19 12:00: Fire at troops in Rafah; two soldiers killed.',
    );
    expect(r.stdout).toContain(
      'alleged by Hamas against Israel (Pullback to the agreed line), 2025-12-01 12:00',
    );
  });
});

async function files(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const d of await readdir(dir, { withFileTypes: true, recursive: true }))
    if (d.isFile()) out.push(relative(dir, join(d.parentPath, d.name)));
  return out.sort();
}

describe('examples/logs/oct-2025-ceasefire', () => {
  it('regenerating it gives byte-identical files, and it verifies', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'truce-oct-'));
    try {
      await buildOct2025(dir);
      const names = await files(LOG);
      expect(await files(dir)).toEqual(names);
      for (const name of names)
        expect(await readFile(join(dir, name)), name).toEqual(await readFile(join(LOG, name)));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    expect((await runCli('verify', '--export', LOG)).status).toBe(0);
  });

  it('says in its own metadata that it is a reconstruction signed with demonstration keys, and names no person held', async () => {
    const log = JSON.parse(await readFile(join(LOG, 'log.json'), 'utf8'));
    expect(log.notes[0]).toMatch(/^DEMO KEYS/);
    const status = await runCli('status', LOG, '--at', '2026-02-10');
    expect(status.stdout).toMatch(/reconstructed afterwards from public reporting/);
    expect(status.stdout).toMatch(/demonstration keys/);
    // Lists and handovers carry counts and categories only: no event holds a person's commitment.
    for (const e of events) expect(e.event.event.body.persons, e.event.event.kind).toBeUndefined();
  });
});
