import type { Agreement } from '../../src/core/agreement/types.ts';
import type { OutcomePoint, OutcomeSeries } from '../../src/core/compare/outcome-curves.ts';
import type { CountedEvaluation } from '../../src/core/compliance/counted-evaluation.ts';
import type { HeadlineFigures } from '../../src/core/figures/headline-figures.ts';
import type { SignedEvent } from '../../src/core/ledger/event.ts';
import type { Provenance } from '../../src/core/ledger/provenance.ts';
import type { Plan } from '../../src/core/plan/types.ts';
import type { Phrase } from '../../src/core/words/phrase.ts';

/** What the HTTP API answers (docs/api.md); the types come from src/core, the data over HTTP only. */
export interface AgreementSummary {
  id: string;
  title: Agreement['title'];
  kind: 'agreement' | 'proposal';
  version: number | string;
}

export interface LogSummary {
  id: string;
  origin: string;
  logKey: string;
  size: number;
  root: string;
  checkpointSize: number | null;
  provenance: Provenance;
  /** The actors registered in the log: who recorded each event. */
  actors?: { actor: string; name: string; role: string; party?: string }[];
}

export interface LoggedEntry {
  index: number;
  leafHash: string;
  event: SignedEvent;
}

export interface EventPage {
  log: string;
  size: number;
  from: number;
  events: LoggedEntry[];
  next: number | null;
}

/** The days on which a log's events occurred (GET /api/logs/{id}/days). */
export interface OccurredDays {
  log: string;
  size: number;
  timeZone: string;
  days: { date: string; events: number }[];
}

export interface OneEvent extends LoggedEntry {
  log: string;
  checkpointSize: number | null;
  proof: string | null;
}

/**
 * The status as the API serves it: each list of evidence counted (its events asked for with
 * `api.evidence`), and the headline figures computed by the server from the whole evaluation.
 */
/** The agreement text a status was judged against: the one the log had adopted latest by its moment. */
export interface AdoptedText {
  agreement: string;
  version: number | string;
  sha256: string;
  /** The agreement.adopted event (its number in the log). */
  index: number;
  /** When it was adopted. */
  occurredAt: string;
}
export type ServedStatus = CountedEvaluation & { headline: HeadlineFigures; adopted: AdoptedText };
/** An obligation's status as served. */
export type ServedObligation = CountedEvaluation['obligations'][number];

/** One event of a list of evidence, as its line names it (GET /api/logs/{id}/evidence). */
export interface EvidenceEvent {
  index: number;
  leafHash: string;
  kind: string;
  /** What a reader names it by when not by its kind (a release of remains: `release.completed.remains`). */
  label?: string;
  occurredAt: string;
  actor: string;
}

/** One allegation as the status gives it, with the number in the log of its event (GET /api/logs/{id}/allegations). */
export type ServedAllegation = CountedEvaluation['allegations']['latest'][number] & { index: number };

/** A page of the allegations, with the cursor of the next page (null at its end). */
export interface AllegationPage {
  log: string;
  asOf: string;
  count: number;
  allegations: ServedAllegation[];
  next: string | null;
}

/** A page of a list of evidence, with the cursor of the next page (null at its end). */
export interface EvidencePage {
  log: string;
  of: string;
  asOf: string;
  count: number;
  events: EvidenceEvent[];
  next: string | null;
}

/** A day of the outcome curves: A's and B's cumulative figures, and why one is missing. */
export type DiffPoint = OutcomePoint;

export interface Diff {
  a: AgreementSummary;
  b: AgreementSummary;
  /** The language every `text` is in. */
  lang?: string;
  /** `text`: the change in the language asked for; `label`: deprecated English. */
  terms: { path: string; change: string; label: string; text?: string; line?: Phrase }[];
  summary: {
    term: string;
    a: string;
    b: string;
    same: boolean;
    text?: { term: string; a: string; b: string };
    /** The term and both values as codes, worded here in the page's language. */
    lines?: { term: Phrase; a: Phrase; b: Phrase };
  }[];
  outcomes: {
    lastDay: number;
    series: (Pick<OutcomeSeries, 'key' | 'party' | 'label' | 'aNone' | 'bNone'> & {
      unit: string;
      text?: string;
      points: DiffPoint[];
    })[];
  };
}

/** An API error as RFC 9457 problem details. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, detail: string) {
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

async function problemOf(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { code?: string; detail?: string };
    return new ApiError(response.status, body.code ?? 'http-error', body.detail ?? response.statusText);
  } catch {
    return new ApiError(response.status, 'http-error', `${response.status} ${response.statusText}`);
  }
}

export async function getJson<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, { ...init, headers: { accept: 'application/json', ...init?.headers } });
  if (!response.ok) throw await problemOf(response);
  return (await response.json()) as T;
}

const enc = encodeURIComponent;

export const api = {
  agreements: () => getJson<{ agreements: AgreementSummary[] }>('/api/agreements').then((r) => r.agreements),
  agreement: (id: string) => getJson<Agreement>(`/api/agreements/${enc(id)}`),
  plan: (id: string, to?: string) =>
    getJson<Plan>(`/api/agreements/${enc(id)}/plan${to ? `?to=${enc(to)}` : ''}`),
  logs: () => getJson<{ logs: LogSummary[] }>('/api/logs').then((r) => r.logs),
  log: (id: string) => getJson<LogSummary>(`/api/logs/${enc(id)}`),
  /** The status now: each list of evidence counted, with a reference to page through it (`evidence`). */
  status: (logId: string) => getJson<ServedStatus>(`/api/logs/${enc(logId)}/status`),
  /** A page of the list of evidence `of`, as the log was judged at `at` (the status's asOf). */
  evidence: (logId: string, of: string, at: string, limit: number, cursor: string | null) =>
    getJson<EvidencePage>(
      `/api/logs/${enc(logId)}/evidence?of=${enc(of)}&at=${enc(at)}&limit=${limit}${cursor ? `&cursor=${enc(cursor)}` : ''}`,
    ),
  /** A page of every allegation, as the log was judged at `at` (the status's asOf). */
  allegations: (logId: string, at: string, limit: number, cursor: string | null) =>
    getJson<AllegationPage>(
      `/api/logs/${enc(logId)}/allegations?at=${enc(at)}&limit=${limit}${cursor ? `&cursor=${enc(cursor)}` : ''}`,
    ),
  /** The days on which the log's events occurred, in the agreement's time zone, with how many on each. */
  days: (logId: string) => getJson<OccurredDays>(`/api/logs/${enc(logId)}/days`),
  events: (logId: string, from: number, limit: number) =>
    getJson<EventPage>(`/api/logs/${enc(logId)}/events?from=${from}&limit=${limit}`),
  event: (logId: string, leafHash: string) =>
    getJson<OneEvent>(`/api/logs/${enc(logId)}/events/${enc(leafHash)}`),
  /** The comparison, its terms worded in `lang` (beside their codes). */
  diff: (a: string, b: string, lang: string) =>
    getJson<Diff>(`/api/diff?a=${enc(a)}&b=${enc(b)}&lang=${enc(lang)}`),
};
