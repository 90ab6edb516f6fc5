import type { Agreement } from '../../../src/core/agreement/types.ts';
import type { Evaluation } from '../../../src/core/compliance/types.ts';

/** Persons released by one side of an exchange against what the plan asks by now and in all. */
export interface ReleaseFigure {
  provision: string;
  party: string;
  to: string;
  counted: number;
  outside: number;
  /** Required by obligations already due. */
  dueSoFar: number;
  /** Required by every obligation of the effective plan. */
  plannedTotal: number;
}

/** An aid quota (one per-day entry of an aid provision) against what was credited. */
export interface QuotaFigure {
  provision: string;
  quota: string;
  unit: string;
  category: string | null;
  uncertain: boolean;
  done: number;
  dueSoFar: number;
  days: number;
}

/** What one source reported for one kind of aid, against the quota of the days it reported on. */
export interface SourceFigure {
  source: string;
  unit: string;
  category: string;
  quantity: number;
  days: string[];
  quota: number;
  conflicting: boolean;
}

export interface Headline {
  releases: ReleaseFigure[];
  quotas: QuotaFigure[];
  sources: SourceFigure[];
}

const RELEASE_ACTIONS = new Set(['hand-over', 'release']);

type PerDay = { id: string; unit: string; category?: string; uncertain?: boolean };

function perDayEntries(agreement: Agreement): Map<string, PerDay & { provision: string }> {
  const out = new Map<string, PerDay & { provision: string }>();
  for (const p of agreement.provisions) {
    // Aid gives a list of quotas; a medical evacuation gives one number (not a quota list).
    const perDay = (p as { perDay?: unknown }).perDay;
    if (!Array.isArray(perDay)) continue;
    for (const q of perDay as PerDay[]) out.set(q.id, { ...q, provision: p.id });
  }
  return out;
}

/** The headline figures of an agreement from its evaluation: nothing merged, every source apart. */
export function headlineOf(agreement: Agreement, evaluation: Evaluation): Headline {
  const releases: ReleaseFigure[] = evaluation.exchanges.directions.map((d) => {
    let dueSoFar = 0;
    let plannedTotal = 0;
    for (const o of evaluation.obligations) {
      const ob = o.obligation;
      if (ob.provision !== d.provision || ob.party !== d.from || !RELEASE_ACTIONS.has(ob.action)) continue;
      const n = o.required ?? ob.quantity ?? 0;
      plannedTotal += n;
      if (o.status !== 'not-yet-due') dueSoFar += n;
    }
    return {
      provision: d.provision,
      party: d.from,
      to: d.to,
      counted: d.counted,
      outside: d.outside,
      dueSoFar,
      plannedTotal,
    };
  });

  const entries = perDayEntries(agreement);
  const quotas = new Map<string, QuotaFigure>();
  for (const o of evaluation.obligations) {
    const ob = o.obligation;
    if (ob.action !== 'admit-aid' || !ob.category) continue;
    const entry = entries.get(ob.category);
    const q = quotas.get(ob.category) ?? {
      provision: ob.provision,
      quota: ob.category,
      unit: ob.unit ?? entry?.unit ?? '',
      category: entry?.category ?? null,
      uncertain: Boolean(entry?.uncertain || ob.uncertain),
      done: 0,
      dueSoFar: 0,
      days: 0,
    };
    if (o.status !== 'not-yet-due') {
      q.dueSoFar += o.required ?? ob.quantity ?? 0;
      q.done += o.done ?? 0;
      q.days += 1;
    }
    quotas.set(ob.category, q);
  }

  // Figures keyed `aid|date|unit|category|destination`: totals per source, destination-wide only.
  const bySource = new Map<string, SourceFigure>();
  for (const set of evaluation.figures) {
    const [kind, date, unit, category, destination] = set.key.split('|');
    if (kind !== 'aid' || !date || !unit || destination) continue;
    for (const f of set.figures) {
      const key = `${f.source}|${unit}|${category ?? ''}`;
      const s = bySource.get(key) ?? {
        source: f.source,
        unit,
        category: category ?? '',
        quantity: 0,
        days: [],
        quota: 0,
        conflicting: false,
      };
      s.quantity += f.quantity;
      if (!s.days.includes(date)) s.days.push(date);
      s.conflicting ||= set.conflicting;
      bySource.set(key, s);
    }
  }
  for (const s of bySource.values()) {
    for (const o of evaluation.obligations) {
      const ob = o.obligation;
      if (ob.action !== 'admit-aid' || !ob.date || !s.days.includes(ob.date) || ob.unit !== s.unit) continue;
      const entry = ob.category ? entries.get(ob.category) : undefined;
      if ((entry?.category ?? '') !== s.category || entry?.uncertain) continue;
      s.quota += o.required ?? ob.quantity ?? 0;
    }
    s.days.sort();
  }
  return {
    releases,
    quotas: [...quotas.values()],
    sources: [...bySource.values()].sort((a, b) => a.source.localeCompare(b.source)),
  };
}
