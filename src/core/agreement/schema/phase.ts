import { z } from 'zod';
import { DateTime, Id, LocalizedText, Provenance } from './common.ts';

/**
 * When a phase starts: on a day of the agreement (day 1 is the agreement's start), right after
 * another phase ends (optionally some days later), or at an explicit date-time.
 */
export const PhaseStart = z.union([
  z.strictObject({
    day: z.int().max(3650).describe('Day of the agreement; day 1 is the day the agreement starts.'),
  }),
  z.strictObject({
    afterPhase: Id.describe('The phase after whose end this one starts.'),
    offsetDays: z.int().min(0).max(3650).optional(),
  }),
  z.strictObject({ at: DateTime }),
]);

/**
 * Extension rule: `days` more days for every `releases` additional persons released under the
 * exchange `provision`, at the same ratio, up to `maxDays` extra days in all.
 */
export const ExtensionRule = z.strictObject({
  days: z.int().min(1).max(365),
  per: z.strictObject({
    provision: Id.describe('The exchange whose additional releases buy the extension.'),
    releases: z.int().min(1),
  }),
  maxDays: z.int().min(1).max(3650).optional(),
  ...Provenance,
});

export const Phase = z.strictObject({
  id: Id,
  title: LocalizedText,
  start: PhaseStart,
  lengthDays: z
    .int()
    .min(1)
    .max(3650)
    .optional()
    .describe('Omitted when the length is open (e.g. "as long as talks go on").'),
  continuesWhile: LocalizedText.optional().describe(
    'The phase goes on past its length while this holds ("as long as talks go on"): it is open-ended.',
  ),
  extension: ExtensionRule.optional(),
  endConditions: z.array(z.string().min(1)).optional().describe('What ends the phase other than its length.'),
  ...Provenance,
});
