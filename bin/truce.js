#!/usr/bin/env node
// Entry point for `npx truce`: runs the TypeScript CLI directly on Node >= 22.18 (type stripping on by default).
import { processIo } from '../src/cli/io.ts';
import { main } from '../src/cli/main.ts';
import { relaunchForServe } from '../src/cli/serve-relaunch.ts';

// `truce serve` runs with the server's V8 flags (src/server/server-heap-flags.ts).
relaunchForServe();
process.exitCode = await main(process.argv.slice(2), processIo());
