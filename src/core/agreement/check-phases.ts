import { isTimeZone, offsetMinutes } from '../time/zoned-time.ts';
import { type CheckContext, listIds } from './check-context.ts';

/** The agreement's start and time zone, where each phase starts, and the phases' extension rules. */
export function checkPhases(ctx: CheckContext): void {
  const { agreement } = ctx;
  const zoneOk = isTimeZone(agreement.timeZone);
  if (!zoneOk) {
    ctx.report(
      'unknown-time-zone',
      `"${agreement.timeZone}" is not an IANA time zone this system knows; use e.g. Asia/Gaza.`,
      ['timeZone'],
      {
        expected: 'an IANA time zone such as Asia/Gaza',
      },
    );
  }
  if (agreement.kind === 'agreement' && !agreement.start) {
    ctx.report(
      'agreement-without-start',
      'An agreement (kind: agreement) needs a start date-time; add start, or make it kind: proposal.',
      ['kind'],
      {
        expected: 'a start date-time such as 2023-11-24T07:00:00+02:00',
      },
    );
  }
  const start = agreement.start ? Date.parse(agreement.start) : undefined;
  if (start !== undefined && zoneOk) {
    const stated = agreement.start!.endsWith('Z') ? 0 : offsetOf(agreement.start!);
    const actual = offsetMinutes(start, agreement.timeZone);
    if (stated !== actual) {
      ctx.report(
        'start-offset-mismatch',
        `The start ${agreement.start} has offset ${hours(stated)}, but ${agreement.timeZone} was at ${hours(actual)} then; check the offset.`,
        ['start'],
        { warning: true },
      );
    }
  }
  agreement.phases.forEach((phase, i) => {
    const path = ['phases', i, 'start'];
    const s = phase.start;
    if ('day' in s && s.day < 1) {
      ctx.report(
        'phase-before-start',
        `Phase "${phase.id}" starts on day ${s.day}, before the agreement starts; day 1 is the agreement's first day.`,
        [...path, 'day'],
        {
          expected: 'a day of 1 or more',
        },
      );
    }
    if ('at' in s && start !== undefined && Date.parse(s.at) < start) {
      ctx.report(
        'phase-before-start',
        `Phase "${phase.id}" starts at ${s.at}, before the agreement starts (${agreement.start}).`,
        [...path, 'at'],
        {
          expected: `a date-time at or after ${agreement.start}`,
        },
      );
    }
    if ('afterPhase' in s && !ctx.phases.has(s.afterPhase)) {
      ctx.report(
        'unknown-phase',
        `Phase "${phase.id}" starts after phase "${s.afterPhase}", which is not defined. Phases: ${listIds(ctx.phases.keys())}.`,
        [...path, 'afterPhase'],
      );
    }
    checkExtension(ctx, i);
  });
  checkPhaseCycles(ctx);
}

function offsetOf(iso: string): number {
  const m = /([+-])(\d\d):(\d\d)$/.exec(iso);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

function hours(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

function checkExtension(ctx: CheckContext, i: number): void {
  const phase = ctx.agreement.phases[i]!;
  const rule = phase.extension;
  if (!rule) return;
  const path = ['phases', i, 'extension'];
  const target = ctx.provisions.get(rule.per.provision);
  if (!target) {
    ctx.report(
      'unknown-provision',
      `The extension rule of phase "${phase.id}" names provision "${rule.per.provision}", which is not defined.`,
      [...path, 'per', 'provision'],
    );
  } else if (target.kind !== 'exchange') {
    ctx.report(
      'extension-not-exchange',
      `The extension rule of phase "${phase.id}" counts releases under "${target.id}", a provision of kind "${target.kind}", not an exchange.`,
      [...path, 'per', 'provision'],
      {
        expected: 'the id of an exchange provision',
      },
    );
  } else if (target.phase !== phase.id) {
    ctx.report(
      'extension-other-phase',
      `The extension rule of phase "${phase.id}" counts releases under exchange "${target.id}", which belongs to phase "${target.phase}".`,
      [...path, 'per', 'provision'],
    );
  }
  if (rule.maxDays !== undefined && rule.maxDays < rule.days) {
    ctx.report(
      'extension-max-too-small',
      `The extension rule adds ${rule.days} days at a time but allows at most ${rule.maxDays}: no extension is possible.`,
      [...path, 'maxDays'],
    );
  }
  if (phase.lengthDays === undefined) {
    ctx.report(
      'extension-without-length',
      `Phase "${phase.id}" has an extension rule but no lengthDays, so there is nothing to extend.`,
      path,
      { warning: true },
    );
  }
}

/** Phases that start after each other in a circle can never start. */
function checkPhaseCycles(ctx: CheckContext): void {
  const phases = ctx.agreement.phases;
  const state = new Map<string, 'visiting' | 'done'>();
  const reported = new Set<string>();
  const visit = (id: string, trail: string[]): void => {
    if (state.get(id) === 'done') return;
    const phase = ctx.phases.get(id);
    if (!phase) return;
    if (state.get(id) === 'visiting') {
      const cycle = trail.slice(trail.indexOf(id));
      const key = [...cycle].sort().join(' ');
      if (!reported.has(key)) {
        reported.add(key);
        const last = cycle[cycle.length - 1]!;
        const index = phases.findIndex((p) => p.id === last);
        ctx.report(
          'phase-cycle',
          cycle.length === 1
            ? `Phase "${id}" starts after itself.`
            : `Phases start after each other in a circle: ${[...cycle, id].join(' → ')}; one of them must start on a day or at a date-time.`,
          ['phases', index, 'start', 'afterPhase'],
        );
      }
      return;
    }
    state.set(id, 'visiting');
    if ('afterPhase' in phase.start) visit(phase.start.afterPhase, [...trail, id]);
    state.set(id, 'done');
  };
  for (const p of phases) visit(p.id, []);
}
