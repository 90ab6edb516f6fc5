import type { z } from 'zod';
import type {
  Agreement as AgreementSchema,
  PartyRole as PartyRoleSchema,
  Party as PartySchema,
} from './schema/agreement.ts';
import type {
  Anchor as AnchorSchema,
  DayRef as DayRefSchema,
  Figure as FigureSchema,
  Moment as MomentSchema,
} from './schema/common.ts';
import type {
  CategoryGroup as CategoryGroupSchema,
  ExchangeCategory as ExchangeCategorySchema,
  ScheduleEntry as ScheduleEntrySchema,
} from './schema/exchange.ts';
import type { Phase as PhaseSchema } from './schema/phase.ts';
import type { Provision as ProvisionSchema, Quota as QuotaSchema } from './schema/provisions.ts';

export type Agreement = z.infer<typeof AgreementSchema>;
export type Party = z.infer<typeof PartySchema>;
export type Phase = z.infer<typeof PhaseSchema>;
export type Provision = z.infer<typeof ProvisionSchema>;
export type ProvisionKind = Provision['kind'];
export type ProvisionOf<K extends ProvisionKind> = Extract<Provision, { kind: K }>;
export type ExchangeCategory = z.infer<typeof ExchangeCategorySchema>;
export type ScheduleEntry = z.infer<typeof ScheduleEntrySchema>;
export type Quota = z.infer<typeof QuotaSchema>;
export type LocalizedText = Agreement['title'];
export type Figure = z.infer<typeof FigureSchema>;
export type Moment = z.infer<typeof MomentSchema>;
export type DayRef = z.infer<typeof DayRefSchema>;
export type Anchor = z.infer<typeof AnchorSchema>;
export type CategoryGroup = z.infer<typeof CategoryGroupSchema>;
export type PartyRole = z.infer<typeof PartyRoleSchema>;
