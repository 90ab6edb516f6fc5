#!/usr/bin/env node
// Entry point for `npx truce`: runs the TypeScript CLI directly on Node >= 22.12 (type stripping).
import '../src/cli/main.ts';
