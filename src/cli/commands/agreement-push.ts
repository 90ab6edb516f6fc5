import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AGREEMENT_BODY_LIMIT } from '../../core/agreement/upload-limit.ts';
import { type Command, jsonOption, stringFlag } from '../command.ts';
import { EXIT_INVALID, EXIT_OK, InputError, type Io, UsageError } from '../io.ts';
import { loadAgreementFile } from '../load-agreement.ts';

interface Located {
  code: string;
  message: string;
  line: number;
  column: number;
  path: string;
}

/** The token in the file: one line; never printed. */
async function readToken(path: string, io: Io): Promise<string> {
  let text: string;
  try {
    text = await readFile(resolve(io.cwd, path), 'utf8');
  } catch {
    throw new InputError('token-file-unreadable', `Cannot read the token file ${path}: check the path.`);
  }
  const token = text.trim();
  if (!token || /\s/.test(token)) {
    throw new InputError(
      'token-file-invalid',
      `The token file ${path} must hold one token on one line, as truce token create printed it.`,
    );
  }
  return token;
}

function endpoint(server: string, proposal: boolean): URL {
  let url: URL;
  try {
    url = new URL('/api/agreements', server);
  } catch {
    throw new UsageError(
      `--server must be the server's URL, e.g. http://127.0.0.1:8080; "${server}" is not one.`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError(`--server must be an http or https URL; "${server}" is not.`);
  if (proposal) url.searchParams.set('proposal', 'true');
  return url;
}

export const agreementPush: Command = {
  name: 'agreement push',
  summary: 'Upload an agreement or proposal file to a server: it becomes the next version of its id.',
  usage: 'truce agreement push FILE --server URL --token-file FILE [--proposal] [--json]',
  options: {
    server: { type: 'string', description: 'The server, e.g. http://127.0.0.1:8080.' },
    'token-file': {
      type: 'string',
      description: 'A file holding the API token of an operator or a mediator (truce token create).',
    },
    proposal: { type: 'boolean', description: 'Store it as a proposal, not as the adopted text.' },
    json: jsonOption,
  },
  details:
    '\nThe file is checked here first, as by truce validate; the server checks it again. The same file ' +
    'pushed twice is stored once. Exit status: 0 stored (or already the latest version), 1 refused.\n',
  async run(args, io) {
    const [file, ...extra] = args.positionals;
    if (!file || extra.length) throw new UsageError('Name one agreement file to push.');
    const server = stringFlag(args, 'server');
    const tokenFile = stringFlag(args, 'token-file');
    if (!server) throw new UsageError('--server is required: the URL of the server.');
    if (!tokenFile) throw new UsageError('--token-file is required: a file holding your API token.');
    const url = endpoint(server, args.values.proposal === true);
    const loaded = await loadAgreementFile(resolve(io.cwd, file), io);
    if (!loaded.ok) {
      for (const e of loaded.errors) io.err(`${e.text}\n`);
      return EXIT_INVALID;
    }
    const { bytes } = loaded;
    if (bytes.length > AGREEMENT_BODY_LIMIT) {
      throw new InputError(
        'file-too-large',
        `${file} is ${bytes.length} bytes; the server takes agreements of at most ${AGREEMENT_BODY_LIMIT} bytes (256 KiB).`,
      );
    }
    const token = await readToken(tokenFile, io);
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': /\.json$/i.test(file) ? 'application/json' : 'application/yaml',
          accept: 'application/json',
        },
        body: bytes,
      });
    } catch (e) {
      const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).message;
      throw new InputError('server-unreachable', `Cannot reach ${url.origin} (${cause}): check --server.`);
    }
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (response.status === 200 || response.status === 201) {
      if (args.values.json) io.out(`${JSON.stringify(body, null, 2)}\n`);
      else {
        const what = `${body.id} version ${body.version} (${body.status}), sha256 ${body.sha256}`;
        io.out(
          response.status === 201 ? `stored ${what}\n` : `unchanged: ${what} is already the latest version\n`,
        );
        const adoption = body.adoption as { log: string; state: string; index?: number } | undefined;
        if (adoption) io.out(`${adoptionLine(adoption)}\n`);
      }
      return EXIT_OK;
    }
    const errors = Array.isArray(body.errors) ? (body.errors as Located[]) : [];
    for (const e of errors) io.err(`${loaded.file}:${e.line}:${e.column}: ${e.message} (at ${e.path})\n`);
    const detail =
      typeof body.detail === 'string' ? body.detail : `the server answered HTTP ${response.status}`;
    if (args.values.json) io.out(`${JSON.stringify(body, null, 2)}\n`);
    io.err(`truce agreement push: ${detail} (${response.status}${body.code ? ` ${body.code}` : ''})\n`);
    return EXIT_INVALID;
  },
};

/** What the log of the agreement's id did with an adopted version (see the upload route's `adoption`). */
function adoptionLine(a: { log: string; state: string; index?: number }): string {
  if (a.state === 'recorded')
    return `log ${a.log} adopted it: agreement.adopted recorded as event ${a.index}`;
  if (a.state === 'in-force') return `log ${a.log} had already adopted it (event ${a.index})`;
  return `log ${a.log} has not adopted it yet: sign the agreement.adopted event in the answer (--json shows it) and append it (POST /api/logs/${a.log}/events); until then the log keeps its text`;
}
