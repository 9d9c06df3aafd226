import { z } from 'zod';
import { clawbackGrounds, grantProgrammes } from '@govflow/policy';
import { percentRate, yuanAmount, yuanUpToPattern } from './money';

const creditCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, 'must be an 18-character unified social credit code');
const count = (max: number) => z.number().int('must be a whole number').min(0, 'must not be negative').max(max);

/** POST /api/maker-spaces: recognition at a level with the space's figures (R4.1). */
export const makerSpaceRequest = z.object({
  creditCode,
  level: z.enum(['national', 'municipal']),
  figures: z.object({
    monthsInOperation: count(1200),
    floorAreaM2: count(1_000_000),
    workstations: count(100_000),
    residentTeams: count(100_000),
    mentors: count(100_000),
    eventsPerYear: count(100_000),
  }),
});
export type MakerSpaceRequest = z.output<typeof makerSpaceRequest>;

// The programmes open to application and their caps in force when the document is made: what a client may send.
const openProgrammes = grantProgrammes.at(new Date()).value.filter((programme) => programme.openToApplication);
const requestCaps = openProgrammes.flatMap(({ amountRule }) =>
  amountRule.kind === 'requested-up-to' ? [amountRule.maxFen] : [],
);

/** POST /api/grants. */
export const grantRequest = z
  .object({
    programmeCode: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(50)
      .meta({ enum: openProgrammes.map((programme) => programme.code) }),
    creditCode,
    requestedAmount: yuanAmount
      .meta(requestCaps.length ? { pattern: yuanUpToPattern(Math.min(...requestCaps)) } : {})
      .optional()
      .describe('yuan, decimal string; required where the programme pays on request'),
    details: z.record(z.string(), z.unknown()).optional(),
  })
  // Every programme open to application pays what is requested: the document asks for the amount, as the service does.
  .meta(
    requestCaps.length === openProgrammes.length
      ? { required: ['programmeCode', 'creditCode', 'requestedAmount'] }
      : {},
  );
export type GrantRequest = z.output<typeof grantRequest>;

/** POST /api/public-notices/:noticeId/objections: the name is the signed-in account's. */
export const grantObjectionRequest = z.object({
  caseId: z.uuid('must be a case id (UUID)'),
  reason: z.string().trim().min(1, 'must not be empty').max(2000, 'must be at most 2000 characters'),
  evidence: z.string().trim().max(4000, 'must be at most 4000 characters').optional(),
  anonymous: z.boolean().optional().describe('not named on the public page; then evidence is required'),
});
export type GrantObjectionBody = z.output<typeof grantObjectionRequest>;

/** POST /api/grants/:caseId/clawbacks (R4.4). */
export const clawbackRequest = z.object({
  ground: z.enum(clawbackGrounds as ['false-material-or-fraud', 'misuse-of-funds']),
  rate: percentRate.describe('fine rate in percent, e.g. "20"; within the ground’s range'),
  reason: z.string().trim().min(1, 'must not be empty').max(2000, 'must be at most 2000 characters'),
});
export type ClawbackBody = z.output<typeof clawbackRequest>;
