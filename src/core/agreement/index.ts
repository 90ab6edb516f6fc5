export type { AgreementError, Path, PathSegment, Position } from './agreement-error.ts';
export { describeValue, formatError, formatPath } from './agreement-error.ts';
export { type CheckOptions, type CheckResult, checkAgreement } from './check-agreement.ts';
export { AGREEMENT_SCHEMA_ID, agreementJsonSchema, formatJsonSchema } from './json-schema.ts';
export { type ParseResult, parseAgreement } from './parse-agreement.ts';
export { Agreement as AgreementSchema } from './schema/agreement.ts';
export {
  detectFormat,
  type Locate,
  MAX_SOURCE_BYTES,
  type ParsedSource,
  parseSource,
  type SourceFormat,
} from './source-map.ts';
export type * from './types.ts';
