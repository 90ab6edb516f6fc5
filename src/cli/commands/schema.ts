import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { formatJsonSchema } from '../../core/agreement/index.ts';
import type { Command } from '../command.ts';
import { EXIT_OK, UsageError } from '../io.ts';

export const SCHEMA_PATH = 'schema/agreement.schema.json';

export const schema: Command = {
  name: 'schema',
  summary:
    'Print the JSON Schema of the agreement language (draft 2020-12), generated from its zod definition.',
  usage: 'truce schema [--write]',
  options: {
    write: { type: 'boolean', description: `Write it to ${SCHEMA_PATH} instead of printing it.` },
    json: { type: 'boolean', description: 'Accepted for symmetry: the schema is always JSON.' },
  },
  async run(args, io) {
    if (args.positionals.length) throw new UsageError('truce schema takes no file argument.');
    const text = formatJsonSchema();
    if (args.values.write) {
      const path = resolve(io.cwd, SCHEMA_PATH);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, text);
      io.err(`wrote ${SCHEMA_PATH}\n`);
    } else io.out(text);
    return EXIT_OK;
  },
};
