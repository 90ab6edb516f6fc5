import type { Command } from './command.ts';

/**
 * A `truce` sub-command as the CLI knows it before it runs: its name and summary (what the
 * overview and "did you mean" need) and how to load it. A command's module is loaded only when
 * that command runs, so `truce verify` holds verify's code and not the server's, the planner's or
 * the dashboard's (every command loaded at once took 130 MB and most of a second before any work).
 * The name and summary are the command's own (test/cli-help.test.ts compares them).
 */
export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<Command>;
}

export const commandTable: CommandEntry[] = [
  {
    name: 'validate',
    summary: 'Check agreement and proposal files against the schema and the rules of the agreement language.',
    load: async () => (await import('./commands/validate.ts')).validate,
  },
  {
    name: 'plan',
    summary: 'Compute the obligations of an agreement day by day: who must do what, by when.',
    load: async () => (await import('./commands/plan.ts')).plan,
  },
  {
    name: 'diff',
    summary: 'Compare two agreements or proposals term by term and by simulated outcome.',
    load: async () => (await import('./commands/diff.ts')).diff,
  },
  {
    name: 'schema',
    summary:
      'Print the JSON Schema of the agreement language (draft 2020-12), generated from its zod definition.',
    load: async () => (await import('./commands/schema.ts')).schema,
  },
  {
    name: 'agreement push',
    summary: 'Upload an agreement or proposal file to a server: it becomes the next version of its id.',
    load: async () => (await import('./commands/agreement-push.ts')).agreementPush,
  },
  {
    name: 'keygen',
    summary:
      'Make an Ed25519 key pair: the private key goes to a file (mode 600), the public key is printed.',
    load: async () => (await import('./commands/keygen.ts')).keygen,
  },
  {
    name: 'log init',
    summary: 'Create the log of an agreement: the operator registers itself and adopts the agreement file.',
    load: async () => (await import('./commands/log-init.ts')).logInit,
  },
  {
    name: 'log show',
    summary:
      'List the events of a log with their index, leaf hash, kind, actor and time; and its latest checkpoint.',
    load: async () => (await import('./commands/log-show.ts')).logShow,
  },
  {
    name: 'log proof',
    summary:
      'An offline receipt (C2SP tlog-proof) that event INDEX is in the log under its latest checkpoint.',
    load: async () => (await import('./commands/log-proof.ts')).logProof,
  },
  {
    name: 'log checkpoint',
    summary: "Sign the log's current tree as a checkpoint (C2SP tlog-checkpoint) with the operator's key.",
    load: async () => (await import('./commands/log-checkpoint.ts')).logCheckpoint,
  },
  {
    name: 'record',
    summary:
      'Sign an event with your key and append it to the log (e.g. a handover, aid delivered, a dispute).',
    load: async () => (await import('./commands/record.ts')).record,
  },
  {
    name: 'verify',
    summary:
      'Recompute every leaf, tree hash, root, checkpoint and signature of a log, and name anything wrong.',
    load: async () => (await import('./commands/verify.ts')).verify,
  },
  {
    name: 'fsck',
    summary:
      'Check the storage of every log: no gap, every leaf and tree hash recomputed, roots and checkpoint roots.',
    load: async () => (await import('./commands/verify.ts')).fsck,
  },
  {
    name: 'export',
    summary:
      'Export a log: a folder of signed events (JSONL) and checkpoints that anyone can verify, or a CSV.',
    load: async () => (await import('./commands/export.ts')).exportCommand,
  },
  {
    name: 'import',
    summary:
      "Import an exported log folder (verified first), a JSONL of signed events, or a monitor's rows (CSV or JSONL).",
    load: async () => (await import('./commands/import.ts')).importCommand,
  },
  {
    name: 'status',
    summary: 'Where every provision and obligation stands, with its evidence and why, at any moment.',
    load: async () => (await import('./commands/status.ts')).status,
  },
  {
    name: 'report',
    summary:
      'A daily situation report in HTML that prints well: the day, what is late, disputes, cumulative figures.',
    load: async () => (await import('./commands/report.ts')).report,
  },
  {
    name: 'serve',
    summary:
      'Serve the HTTP API (agreements, plans, logs, tiles, appends, status, reports, event streams) until SIGTERM or SIGINT.',
    load: async () => (await import('./commands/serve.ts')).serve,
  },
  {
    name: 'token create',
    summary: 'Make an API token for an actor of a log; it is printed once and only its hash is kept.',
    load: async () => (await import('./commands/token.ts')).tokenCreate,
  },
  {
    name: 'token list',
    summary: 'List API tokens (never their secrets): id, log, actor, role, party, created, revoked.',
    load: async () => (await import('./commands/token.ts')).tokenList,
  },
  {
    name: 'token revoke',
    summary: 'Revoke an API token by its id (from truce token list).',
    load: async () => (await import('./commands/token.ts')).tokenRevoke,
  },
];
