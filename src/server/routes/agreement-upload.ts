import { type AgreementError, AgreementSchema, formatPath } from '../../core/agreement/index.ts';
import type { AgreementStatus } from '../../store/agreement-store.ts';
import { adoptInLog, checkUploaderOfLog } from '../agreement-adoption.ts';
import { sourceName } from '../agreement-catalog.ts';
import { AgreementChecker } from '../agreement-checker.ts';
import {
  AGREEMENT_BODY_LIMIT,
  AGREEMENT_MEDIA_TYPES,
  UploadQuery,
  UploadResult,
} from '../agreement-schemas.ts';
import { principalOf } from '../auth/principal.ts';
import type { ServerContext } from '../context.ts';
import type { LogNotifier } from '../log-notifier.ts';
import { HttpProblem, type ProblemError } from '../problem.ts';
import { defineRoute } from '../route.ts';
import { yamlNestingProblem } from '../yaml-nesting.ts';

/** An error of the agreement language as the problem's `errors` member gives it. */
function located(e: AgreementError): ProblemError {
  return {
    code: e.code,
    message: e.message,
    line: e.line,
    column: e.column,
    path: formatPath(e.path),
    ...(e.expected ? { expected: e.expected } : {}),
  };
}

function invalid(errors: ProblemError[]): HttpProblem {
  const first = errors[0]!;
  const count = errors.length === 1 ? 'an error' : `${errors.length} errors`;
  return new HttpProblem(
    422,
    'agreement-invalid',
    `The agreement does not check (${count}); first, at line ${first.line}, column ${first.column}: ${first.message} Every error is in \`errors\`; fix them and upload again.`,
    errors,
  );
}

/** The body as text: it must be UTF-8 (a byte order mark is kept, so the text is the bytes sent). */
function textOf(body: unknown, mediaType: string, charset: string | undefined): string {
  const bytes = body as Buffer | undefined;
  if (!bytes || bytes.length === 0) {
    throw new HttpProblem(
      400,
      'body-empty',
      `The request needs the agreement as its body (${mediaType}); it was empty.`,
    );
  }
  if (charset && !/^utf-?8$/i.test(charset)) {
    throw new HttpProblem(
      415,
      'unsupported-media-type',
      `The body is in ${charset}; send the agreement as UTF-8 (charset=utf-8, or no charset).`,
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw invalid([
      {
        code: 'file-not-utf8',
        message: 'The body is not valid UTF-8 text. Save the agreement as UTF-8 and upload it again.',
        line: 1,
        column: 1,
        path: '(document)',
      },
    ]);
  }
}

/** The status a version is stored with: `?proposal=` when given, else what the document's kind says. */
function statusOf(proposal: boolean | undefined, kind: 'agreement' | 'proposal'): AgreementStatus {
  if (proposal === false && kind === 'proposal') {
    throw new HttpProblem(
      422,
      'agreement-kind-mismatch',
      'The document says `kind: proposal` but the upload asks to adopt it (proposal=false): change its kind to agreement, or upload it as a proposal.',
    );
  }
  return proposal || kind === 'proposal' ? 'proposal' : 'adopted';
}

/** POST /api/agreements: a new version of an agreement, as YAML or JSON, checked first. */
export const agreementUploadRoutes = (ctx: ServerContext, notifier?: LogNotifier) => [
  defineRoute({
    method: 'POST',
    url: '/api/agreements',
    operationId: 'uploadAgreement',
    tag: 'agreements',
    access: { roles: ['operator', 'mediator'] },
    summary: 'Upload an agreement or proposal: it becomes the next version of its id',
    description:
      `The body is the agreement as YAML (${AGREEMENT_MEDIA_TYPES.filter((t) => /yaml/.test(t)).join(', ')}) or JSON ` +
      `(application/json), in UTF-8, at most ${AGREEMENT_BODY_LIMIT / 1024} KiB. It is checked as \`truce validate\` ` +
      'checks a file: if it does not check, the answer is 422 `agreement-invalid` with every located error in the ' +
      "problem's `errors`. The version is numbered one more than the latest of its id and kept exactly as sent. " +
      'The same bytes and status as the latest version answer 200 with that version. An id published as a file ' +
      "of the server is read-only (409). The agreement of a log (an id that names a log of this server) is that log's: " +
      'only a token of that log uploads it (else 403 `agreement-of-another-log`), and an adopted version takes effect ' +
      'only when the log adopts it, by an agreement.adopted event with its SHA-256 (`adoption`): the server records it ' +
      "when it holds the uploader's key (truce serve --keys), else answers the event to sign and append.",
    query: UploadQuery,
    body: AgreementSchema,
    bodyCheckedByHandler: true,
    bodyLimit: AGREEMENT_BODY_LIMIT,
    rawBodyTypes: AGREEMENT_MEDIA_TYPES,
    responses: {
      201: {
        description: 'Stored as a new version.',
        schema: UploadResult,
        headers: { Location: 'The new version.' },
      },
      200: {
        description: 'The latest version already has these bytes and this status: nothing was stored.',
        schema: UploadResult,
        headers: { Location: 'That version.' },
      },
    },
    problems: [403, 409, 413, 415, 422, 503],
    async handler({ query, body, request, reply }) {
      const [type, ...params] = (request.headers['content-type'] ?? '').split(';');
      const mediaType = type!.trim().toLowerCase();
      const charset = params
        .map((p) => /^\s*charset\s*=\s*"?([^";\s]+)"?\s*$/i.exec(p)?.[1])
        .find((c) => c !== undefined);
      const text = textOf(body, mediaType, charset);
      const deep = mediaType === 'application/json' ? undefined : yamlNestingProblem(text);
      if (deep) throw invalid([{ code: 'too-deep', ...deep, path: '(document)' }]);
      const result = await new AgreementChecker(ctx.work).check(text, sourceName('upload', mediaType));
      if (!result.ok) throw invalid(result.errors.map(located));
      const { id, kind } = result.agreement;
      if (ctx.catalog.isFile(id)) {
        throw new HttpProblem(
          409,
          'agreement-read-only',
          `Agreement "${id}" is published from a file of the server's agreements folder and cannot be uploaded; give the upload another id, or change the file on the server.`,
        );
      }
      const principal = principalOf(request);
      // The agreement of a log is that log's: another log's token cannot touch it.
      const log = await ctx.store.getLog(id);
      if (log) checkUploaderOfLog(log.id, principal);
      const { version, created } = await ctx.catalog.uploads.add({
        id,
        source: text,
        mediaType,
        status: statusOf(query.proposal, kind),
        uploadedBy: { actor: principal.actor ?? '', role: principal.role, log: principal.log },
      });
      const { source: _source, ...info } = version;
      const adoption =
        log && version.status === 'adopted'
          ? await adoptInLog(ctx, log.id, principal, version, result.agreement)
          : undefined;
      if (adoption?.state === 'recorded') notifier?.publish(log!.id);
      reply
        .code(created ? 201 : 200)
        .header('location', `/api/agreements/${encodeURIComponent(id)}/versions/${version.version}`);
      return {
        ...info,
        duplicate: !created,
        warnings: result.warnings.map(located),
        ...(adoption ? { adoption } : {}),
      };
    },
  }),
];
