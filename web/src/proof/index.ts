/** Browser verification of an event's proof: what the dashboard's event page mounts. */
export { FetchFailure, httpFetcher, type ProofFetcher } from './fetcher.ts';
export { ProofPanel, type ProofPanelProps } from './proof-panel.tsx';
export type { ProofErrorCode, ProofResult, ProofStep } from './proof-result.ts';
export { PROOF_STEPS } from './proof-result.ts';
export { fingerprint, type TrustedLog, type TrustRoot } from './trust.ts';
export { TRUSTED_KEYS } from './trusted-keys.ts';
export { verifyEventProof } from './verify-event-proof.ts';
