/** The zod schemas of the agreement routes that uploads added: versions, upload results, pages. */
import { z } from 'zod';
import { AGREEMENT_STATUSES } from '../store/agreement-store.ts';
import { Adoption } from './agreement-adoption.ts';
import { ProblemError } from './problem.ts';
import { AgreementSummary } from './schemas.ts';

export { AGREEMENT_BODY_LIMIT } from '../core/agreement/upload-limit.ts';
/** Versions per page of GET /api/agreements/{id}/versions. */
export const MAX_VERSIONS_PAGE = 100;

/** The media types an upload may have: YAML (RFC 9512 and the common aliases) or JSON. */
export const AGREEMENT_MEDIA_TYPES = [
  'application/yaml',
  'text/yaml',
  'application/x-yaml',
  'application/json',
];

const AgreementId = z.string().min(1).max(200).describe('The agreement id (its `id` member).');

const whole = (what: string) =>
  z
    .string()
    .regex(/^[1-9]\d{0,8}$/, `expected a whole number from 1 (${what})`)
    .transform(Number);

export const VersionParams = z.strictObject({
  id: AgreementId,
  version: whole('version number').describe('The version number: 1, 2, 3… per agreement id.'),
});

export const VersionsQuery = z.strictObject({
  from: whole('first version').optional().describe('The first version of the page (default 1).'),
  limit: whole('versions per page')
    .refine((n) => n <= MAX_VERSIONS_PAGE, `expected 1 to ${MAX_VERSIONS_PAGE}`)
    .optional()
    .describe(`Versions per page, 1 to ${MAX_VERSIONS_PAGE} (default 20).`),
});

export const VersionQuery = z.strictObject({
  format: z
    .enum(['json', 'source'])
    .optional()
    .describe('`json` (default): the agreement parsed; `source`: the text as uploaded, with its media type.'),
});

export const UploadQuery = z.strictObject({
  proposal: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe(
      'true: store the version as a proposal; false: as adopted. Default: a proposal when the document says `kind: proposal`, else adopted.',
    ),
});

const Status = z
  .enum(AGREEMENT_STATUSES)
  .describe('`adopted`: the text in force; `proposal`: a text under negotiation.');

export const AgreementVersionInfo = z
  .object({
    id: z.string(),
    version: z.int().min(1).describe('1, 2, 3… per agreement id, in the order they were stored.'),
    status: Status,
    mediaType: z.string().describe('The media type it was uploaded as.'),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .describe('SHA-256 of the source exactly as uploaded, hex.'),
    size: z.int().min(0).describe('Bytes of the source.'),
    uploadedBy: z.object({
      actor: z.string().describe('The actor of the API token that uploaded it.'),
      role: z.string(),
      log: z.string().nullable().describe('The log the token is of.'),
    }),
    uploadedAt: z.string().describe('When it was stored (ISO 8601, UTC).'),
  })
  .meta({ title: 'AgreementVersion' });

export const UploadResult = AgreementVersionInfo.extend({
  duplicate: z
    .boolean()
    .describe('True when the latest version already had these bytes and this status: nothing was stored.'),
  warnings: z.array(ProblemError).describe('Located warnings of the document (it checked).'),
  adoption: Adoption.optional().describe(
    'For an adopted version of the agreement of a log (same id): its adoption by that log, an agreement.adopted event.',
  ),
});

export const VersionPage = z.object({
  id: z.string(),
  latest: z.int().min(0).describe('The number of the latest version.'),
  from: z.int().min(1),
  versions: z.array(AgreementVersionInfo),
  next: z.int().min(1).nullable().describe('`from` of the next page; null after the latest version.'),
});

export const AgreementListItem = AgreementSummary.extend({
  origin: z
    .enum(['file', 'upload'])
    .describe('`file`: a file of the server (read-only); `upload`: a version uploaded over the API.'),
  status: Status,
  storedVersion: z.int().min(1).nullable().describe('The uploaded version served; null for a file.'),
});
