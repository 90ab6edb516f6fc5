import { fromBase64 } from '../../core/crypto/crypto.ts';
import type { ServerContext } from '../context.ts';
import { HttpProblem } from '../problem.ts';
import { type AnyRoute, defineRoute } from '../route.ts';
import { type AddCheckpointRequest, addCheckpoint } from '../witness.ts';

/** tlog-witness: "The client MUST NOT send more than 63 consistency proof lines." */
const MAX_PROOF_LINES = 63;
/** The old size line, 63 proof lines and a checkpoint with up to 100 signatures fit well within this. */
const WITNESS_BODY_LIMIT = 64 * 1024;

const FORMAT =
  'It is the line "old N", the consistency proof from N one base64 hash a line, an empty line, then the signed checkpoint (c2sp.org/tlog-witness).';

/** Parses an add-checkpoint body; anything off the format is a 400 that says what is wrong. */
function parseAddCheckpoint(body: unknown): AddCheckpointRequest {
  const bad = (why: string): never => {
    throw new HttpProblem(
      400,
      'witness-request-invalid',
      `The add-checkpoint body is malformed: ${why}. ${FORMAT}`,
    );
  };
  if (typeof body !== 'string' || body.length === 0) return bad('it is empty');
  let at = body.indexOf('\n');
  const m = at < 0 ? null : /^old (0|[1-9][0-9]{0,15})$/.exec(body.slice(0, at));
  if (!m || !Number.isSafeInteger(Number(m[1]))) return bad('the first line is not "old N"');
  const proof: Uint8Array[] = [];
  for (;;) {
    const next = body.indexOf('\n', at + 1);
    if (next < 0) return bad('no empty line before the checkpoint');
    const line = body.slice(at + 1, next);
    at = next;
    if (line === '') break;
    if (proof.length === MAX_PROOF_LINES) bad(`more than ${MAX_PROOF_LINES} proof lines`);
    const hash = fromBase64(line);
    if (hash?.length !== 32) bad(`proof line ${proof.length + 1} is not the base64 of a 32-byte hash`);
    proof.push(hash!);
  }
  return { old: Number(m[1]), proof, note: body.slice(at + 1) };
}

/** Routes whose body is text of any media type, not JSON: app.ts gives them a text parser. */
export const TEXT_BODY_OPERATIONS: ReadonlySet<string> = new Set(['witnessAddCheckpoint']);

/** POST /api/witness/add-checkpoint: C2SP tlog-witness, when the server holds a witness key. */
export const witnessRoutes = (ctx: ServerContext): AnyRoute[] => [
  defineRoute({
    method: 'POST',
    url: '/api/witness/add-checkpoint',
    operationId: 'witnessAddCheckpoint',
    tag: 'witness',
    access: 'public',
    summary: 'Cosign a checkpoint that extends the last one cosigned (C2SP tlog-witness add-checkpoint)',
    description:
      `The body (text, any media type) is the line \`old N\` (the size this witness last cosigned of the log, 0 at first), the consistency proof from N to the checkpoint's size, one base64 hash a line (at most ${MAX_PROOF_LINES}), an empty line, and the signed checkpoint. ` +
      "No token is needed: the log's signature authenticates the request. The witness follows the logs of its database and those of `truce serve --witness-follow FILE`, " +
      'and answers with one cosignature/v1 line per witness key it holds (`truce serve --keys DIR`). ' +
      '404: origin not followed, or no witness key; 403: no valid signature by the log key; 400: old size above the checkpoint size; ' +
      '409 `text/x.tlog.size`: the old size is not the last cosigned, whose size is the body; 409 problem `witness-fork`: same size, other root; 422: the proof does not hold.',
    bodyCheckedByHandler: true,
    bodyLimit: WITNESS_BODY_LIMIT,
    responses: {
      200: {
        description: 'The cosignature lines (`— name base64`), one per witness key.',
        contentType: 'text/plain; charset=utf-8',
      },
      409: {
        description:
          'The old size is not the size this witness last cosigned: the body is that size and a newline. (A fork at the same size is a problem, `witness-fork`.)',
        contentType: 'text/x.tlog.size',
      },
    },
    problems: [403, 404, 413, 422],
    async handler({ body, reply }) {
      const result = await addCheckpoint(ctx, parseAddCheckpoint(body));
      if (result.ok) {
        reply.type('text/plain; charset=utf-8').header('cache-control', 'no-store');
        return result.cosignatures.join('');
      }
      if (result.code === 'witness-stale-size') {
        reply.code(409).type('text/x.tlog.size').header('cache-control', 'no-store');
        return `${result.size}\n`;
      }
      throw new HttpProblem(result.status, result.code, result.message);
    },
  }),
];
