import type { Path } from './agreement-error.ts';
import { type CheckContext, listIds } from './check-context.ts';
import { figureRange, isContested, statedValues } from './figure.ts';
import type { DayRef, Figure, Provision, ProvisionOf, Quota } from './types.ts';

/** Sources that state different values are information for the reader, not a fault to fix. */
export function contestedFigure(ctx: CheckContext, figure: Figure | undefined, at: Path, what: string): void {
  if (!isContested(figure)) return;
  const values = statedValues(figure!)
    .map((v) => `${v.value} (${v.source})`)
    .join(', ');
  ctx.report('figures-differ', `${what} is stated differently by its sources: ${values}.`, at, {
    info: true,
  });
}

/**
 * A quantity per day must ask for something: a quota of 0 a day obliges nobody to anything, and
 * would be judged met before its day came. Refused where every source states 0; a total over the
 * phase is written as an `extra` quota of an aid provision.
 */
function perDayNotZero(ctx: CheckContext, figure: Figure, at: Path, what: string, over: string): void {
  if (figureRange(figure)[1] !== 0) return;
  ctx.report(
    'zero-per-day',
    `${what} is 0 a day, which asks nothing of anyone; give the number agreed per day, ${over}, or remove it.`,
    at,
    { expected: 'a number of 1 or more per day' },
  );
}

/**
 * The first and last agreement day of a phase, when its start is fixed (a day, or after a phase of
 * fixed length); the last is null when the phase has no fixed end. Undefined when unknown.
 */
function phaseDays(
  ctx: CheckContext,
  id: string,
  seen = new Set<string>(),
): [number, number | null] | undefined {
  const phase = ctx.phases.get(id);
  if (!phase || seen.has(id)) return undefined;
  seen.add(id);
  let start: number | undefined;
  const s = phase.start;
  if ('day' in s) start = s.day;
  else if ('afterPhase' in s) {
    const before = phaseDays(ctx, s.afterPhase, seen);
    if (before && before[1] !== null) start = before[1] + 1 + (s.offsetDays ?? 0);
  }
  if (start === undefined) return undefined;
  const open = phase.lengthDays === undefined || phase.continuesWhile !== undefined;
  return [start, open ? null : start + phase.lengthDays! - 1];
}

/** Days within the phase, hour windows, activity limits and quotas of one provision. */
export function checkProvision(ctx: CheckContext, p: Provision, path: Path): void {
  const phase = ctx.phases.get(p.phase);
  // A term that spans phases, or a phase that goes on past its length, has no last day to check.
  const length =
    p.throughPhase !== undefined || phase?.continuesWhile !== undefined ? undefined : phase?.lengthDays;
  const inPhase = (ref: DayRef | undefined, at: Path, what: string) => {
    // A day counted from the agreement may fall in a later phase ("Philadelphi by day 50"), but
    // not before its phase starts or after the last phase it spans ends.
    if (ref !== undefined && typeof ref !== 'number') {
      const first = phaseDays(ctx, p.phase);
      const last = phaseDays(ctx, p.throughPhase ?? p.phase);
      const from = first?.[0];
      const to = last?.[1];
      const span = p.throughPhase ? `phases "${p.phase}" to "${p.throughPhase}"` : `phase "${p.phase}"`;
      if (from !== undefined && ref.agreementDay < from) {
        ctx.report(
          'day-before-phase-start',
          `${what} agreement day ${ref.agreementDay}, before ${span} starts on day ${from}.`,
          at,
          {
            expected: `an agreement day from ${from}${to === undefined || to === null ? '' : ` to ${to}`}`,
          },
        );
      } else if (to !== undefined && to !== null && ref.agreementDay > to) {
        ctx.report(
          'day-after-phase-end',
          `${what} agreement day ${ref.agreementDay}, after ${span} ends on day ${to}. Name the later phase in throughPhase, or correct the day.`,
          at,
          { expected: `an agreement day from ${from ?? 1} to ${to}` },
        );
      }
      return;
    }
    const day = ref;
    if (day !== undefined && length !== undefined && day > length) {
      ctx.report(
        'day-after-phase-end',
        `${what} day ${day} of phase "${p.phase}", which lasts only ${length} days. Days count from the phase's first day.`,
        at,
        { expected: `a day from 1 to ${length}` },
      );
    }
  };
  switch (p.kind) {
    case 'withdrawal':
    case 'negotiation':
    case 'milestone':
      inPhase(p.byDay, [...path, 'byDay'], 'This is due by');
      if (p.kind !== 'milestone' && p.byDay === undefined && p.due === undefined) {
        ctx.report(
          'deadline-missing',
          `Provision "${p.id}" says neither by which day (byDay) nor by when (due) it is due; give one of them, or write it as a text provision.`,
          path,
          { expected: 'byDay: N, or due: { after: …, hours: N }' },
        );
      }
      if (p.byDay !== undefined && p.due !== undefined) {
        ctx.report('deadline-twice', `Provision "${p.id}" gives both byDay and due; keep one.`, [
          ...path,
          'due',
        ]);
      }
      return;
    case 'aid':
      inPhase(p.fromDay, [...path, 'fromDay'], 'This starts on');
      checkQuotas(ctx, p, path);
      return;
    case 'displaced-return':
      inPhase(p.fromDay, [...path, 'fromDay'], 'This starts on');
      return;
    case 'crossing':
    case 'medical-evacuation':
      inPhase(p.fromDay, [...path, 'fromDay'], 'This starts on');
      if (p.kind === 'medical-evacuation') {
        contestedFigure(ctx, p.perDay, [...path, 'perDay'], 'The patients per day');
        perDayNotZero(
          ctx,
          p.perDay,
          [...path, 'perDay'],
          'The number of patients',
          'as the agreement states it',
        );
      }
      p.flows?.forEach((f, j) => {
        contestedFigure(
          ctx,
          f.perDay,
          [...path, 'flows', j, 'perDay'],
          `The ${f.people}s ${f.direction} per day`,
        );
        perDayNotZero(
          ctx,
          f.perDay,
          [...path, 'flows', j, 'perDay'],
          `The number of ${f.people}s ${f.direction}`,
          'as the agreement states it',
        );
      });
      if (p.hours) checkWindow(ctx, p.hours, [...path, 'hours']);
      return;
    case 'localized-pause':
      checkWindow(ctx, p.window, [...path, 'window']);
      p.zones.forEach((z, j) => {
        inPhase(z.fromDay, [...path, 'zones', j, 'fromDay'], `The pause in "${z.id}" starts on`);
        if (length === undefined || z.fromDay > length) return;
        inPhase(z.fromDay + z.days - 1, [...path, 'zones', j, 'days'], `The pause in "${z.id}" lasts until`);
      });
      return;
    case 'cessation':
      p.limits?.forEach((limit, j) => {
        const at = [...path, 'limits', j];
        const activity = typeof limit.activity === 'string' ? limit.activity : limit.activity.en;
        if (limit.allowed === 'windows' && !limit.windows?.length) {
          ctx.report(
            'windows-missing',
            `"${activity}" is allowed only in hour windows, but no windows are given; add windows or say allowed: never.`,
            [...at, 'allowed'],
            {
              expected: 'windows: [{ from: HH:MM, to: HH:MM }]',
            },
          );
        }
        if (limit.allowed === 'never' && limit.windows?.length) {
          ctx.report(
            'windows-not-allowed',
            `"${activity}" is never allowed, yet hour windows are given; remove them or say allowed: windows.`,
            [...at, 'windows'],
          );
        }
        limit.windows?.forEach((w, k) => {
          checkWindow(ctx, w, [...at, 'windows', k]);
        });
      });
      return;
    default:
  }
}

function checkWindow(ctx: CheckContext, w: { from: string; to: string }, path: Path): void {
  if (w.from === w.to) {
    ctx.report(
      'empty-hour-window',
      `The hour window starts and ends at ${w.from}; give a different end time (it may cross midnight).`,
      [...path, 'to'],
      {
        expected: `a time other than ${w.from}`,
      },
    );
  }
}

function checkQuotas(ctx: CheckContext, p: ProvisionOf<'aid'>, path: Path): void {
  if (p.perDay.length === 0 && !p.extra?.length) {
    ctx.report(
      'aid-without-quota',
      `Provision "${p.id}" asks for no aid: give its quotas per day under \`perDay\`, or its totals over the phase under \`extra\`.`,
      path,
      { expected: 'perDay or extra with at least one quota' },
    );
  }
  for (const [list, quotas] of [['perDay', p.perDay] as const, ['extra', p.extra ?? []] as const]) {
    quotas.forEach((q, j) => {
      contestedFigure(ctx, q.quantity, [...path, list, j, 'quantity'], `The quantity of "${q.id}"`);
    });
  }
  p.perDay.forEach((q, j) => {
    perDayNotZero(
      ctx,
      q.quantity,
      [...path, 'perDay', j, 'quantity'],
      `The quota "${q.id}"`,
      'or, for a total over the whole phase, write it under `extra` (one-off quantities for the phase)',
    );
  });
  const all: { quota: Quota; at: Path }[] = [
    ...p.perDay.map((quota, j) => ({ quota, at: [...path, 'perDay', j] })),
    ...(p.extra ?? []).map((quota, j) => ({ quota, at: [...path, 'extra', j] })),
  ];
  const byId = new Map<string, { quota: Quota; at: Path }>();
  for (const q of all) {
    const first = byId.get(q.quota.id);
    if (first) {
      ctx.report(
        'duplicate-id',
        `Duplicate quota id "${q.quota.id}" in provision "${p.id}"; give each quota its own id.`,
        [...q.at, 'id'],
      );
    } else byId.set(q.quota.id, q);
  }
  for (const { quota, at } of all) {
    if (quota.partOf === undefined) continue;
    const whole = byId.get(quota.partOf);
    if (quota.partOf === quota.id) {
      ctx.report(
        'quota-part-of-itself',
        `Quota "${quota.id}" is part of itself; name the quota it is a part of.`,
        [...at, 'partOf'],
      );
    } else if (!whole) {
      ctx.report(
        'unknown-quota',
        `Quota "${quota.id}" is part of "${quota.partOf}", which is not a quota of provision "${p.id}". Quotas: ${listIds(byId.keys())}.`,
        [...at, 'partOf'],
        {
          expected: `one of ${[...byId.keys()].join(', ')}`,
        },
      );
    } else if (
      whole.quota.unit === quota.unit &&
      figureRange(quota.quantity)[0] > figureRange(whole.quota.quantity)[1]
    ) {
      const part = figureRange(quota.quantity)[0];
      const most = figureRange(whole.quota.quantity)[1];
      ctx.report(
        'quota-part-larger',
        `Quota "${quota.id}" (${part} ${quota.unit}) is part of "${whole.quota.id}" but larger than it (${most} ${whole.quota.unit}).`,
        [...at, 'quantity'],
        {
          expected: `at most ${most}`,
          warning: !!(quota.uncertain || whole.quota.uncertain),
        },
      );
    }
  }
}

/** Provisions that wait for each other in a circle can never become due. */
export function checkConditionCycles(ctx: CheckContext): void {
  const provisions = ctx.agreement.provisions;
  const reported = new Set<string>();
  provisions.forEach((start, i) => {
    const trail: string[] = [start.id];
    let next = start.condition?.provision;
    while (next !== undefined && next !== start.id && !trail.includes(next)) {
      trail.push(next);
      next = ctx.provisions.get(next)?.condition?.provision;
    }
    if (next !== start.id || trail.length < 2) return;
    const key = [...trail].sort().join(' ');
    if (reported.has(key)) return;
    reported.add(key);
    ctx.report(
      'condition-cycle',
      `Provisions wait for each other in a circle: ${[...trail, start.id].join(' → ')}; none of them can become due.`,
      ['provisions', i, 'condition', 'provision'],
    );
  });
}
