import { type Command, jsonOption } from '../command.ts';
import { EXIT_INVALID, EXIT_OK, UsageError } from '../io.ts';
import { loadAgreementFile } from '../load-agreement.ts';

export const validate: Command = {
  name: 'validate',
  summary: 'Check agreement and proposal files against the schema and the rules of the agreement language.',
  usage: 'truce validate FILE... [--json]',
  options: { json: jsonOption },
  details: '\nExit status: 0 when every file is valid, 1 when any is not, 2 on a usage error.\n',
  async run(args, io) {
    if (args.positionals.length === 0) throw new UsageError('Name at least one agreement file to validate.');
    const results = [];
    for (const path of args.positionals) results.push(await loadAgreementFile(path, io));
    const ok = results.every((r) => r.ok);
    if (args.values.json) {
      io.out(
        `${JSON.stringify(
          {
            valid: ok,
            files: results.map((r) =>
              r.ok
                ? { file: r.file, valid: true, id: r.agreement.id, warnings: r.warnings, info: r.info }
                : {
                    file: r.file,
                    valid: false,
                    errors: r.errors.map(({ code, message, line, column }) => ({
                      code,
                      message,
                      line,
                      column,
                    })),
                  },
            ),
          },
          null,
          2,
        )}\n`,
      );
    } else {
      for (const r of results) {
        if (r.ok) {
          io.out(`ok  ${r.file} (${r.agreement.kind} ${r.agreement.id})\n`);
          for (const w of r.warnings) io.err(`warning: ${w}\n`);
          for (const i of r.info) io.err(`info: ${i}\n`);
        } else {
          for (const e of r.errors) io.err(`${e.text}\n`);
        }
      }
      const bad = results.filter((r) => !r.ok).length;
      if (bad) io.err(`${bad} of ${results.length} file${results.length === 1 ? '' : 's'} invalid.\n`);
    }
    return ok ? EXIT_OK : EXIT_INVALID;
  },
};
