#!/usr/bin/env node
// Entry point for `npx truce`: runs the TypeScript CLI directly on Node >= 22.18 (type stripping on by default).
import { processIo } from '../src/cli/io.ts';
import { main } from '../src/cli/main.ts';

process.exitCode = await main(process.argv.slice(2), processIo());
