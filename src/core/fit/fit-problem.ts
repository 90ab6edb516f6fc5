/** Every way an event can fail to fit the agreement its log adopted, as a code a program can branch on. */
export type FitCode =
  | 'event-provision-unknown'
  | 'event-provision-kind'
  | 'event-phase-unknown'
  | 'event-batch-unknown'
  | 'event-category-unknown'
  | 'event-zone-unknown'
  | 'event-party-unknown'
  | 'event-route-unknown'
  | 'event-crossing-unknown'
  | 'event-destination-unknown'
  | 'event-unit-unknown'
  | 'event-actor-not-entitled';

/**
 * One mismatch between an event and the adopted agreement: which field of which event kind, the
 * value it holds, and the values that would fit there. Words are made at the edge (cli, server).
 */
export interface FitProblem {
  code: FitCode;
  /** The event kind. */
  kind: string;
  /** Where in the event: `body.provision`, `body.zones`, `actor`. */
  field: string;
  /** The value that does not fit. */
  value: string | number;
  /** The values that would fit there (possibly none). */
  fits: (string | number)[];
  /** The provision the field was judged within, when there is one. */
  provision?: string;
  /** For provision codes: the provision kinds the event fits. For batches: whether more may come by extension. */
  provisionKinds?: string[];
  /** event-provision-kind: the kind of the provision named. */
  actualKind?: string;
  /** event-actor-not-entitled: the party the actor acts for (or its id) and its role. */
  actorParty?: string;
  role?: string;
  /** event-actor-not-entitled: the rule broken. */
  rule?: 'receiving-side' | 'not-a-side' | 'own-release' | 'not-via';
  /** event-category-unknown: the releasing party whose categories were looked in. */
  party?: string;
}
