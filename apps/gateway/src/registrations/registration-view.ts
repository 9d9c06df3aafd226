import { z } from 'zod';
import { permitCatalogues } from '@govflow/policy';
import { taskDueView, toTaskDueView } from '../tasks/task-due';
import type {
  RegistrationStatus,
  RegistrationStatusName,
  RegistrationStepName,
  StepStatus,
} from '../../../../workflows/registration/definitions';

const statuses = [
  'submitted',
  'refused',
  'under-review',
  'information-requested',
  'approved',
  'rejected',
  'licensed',
  'completed',
] as const satisfies readonly RegistrationStatusName[];
const stepNames = [
  'submit-application',
  'officer-review',
  'supplement',
  'issue-license',
  'open-tax-record',
  'determine-permits',
] as const satisfies readonly RegistrationStepName[];
const stepStatuses = [
  'in-progress',
  'done',
  'overdue',
  'information-requested',
  'rejected',
  'refused',
] as const satisfies readonly StepStatus[];

export const registrationStatusName = z
  .enum(statuses)
  .describe('ends at completed, or rejected; refused when the submission itself was refused (the name, R1.3)');

const clockView = z
  .object({
    timeScale: z.number().int().min(1).describe('1 is real time'),
    accelerated: z.boolean(),
    note: z.string().optional().describe('present when accelerated: what that means for the deadlines shown'),
  })
  .describe('the clock the case runs on, kept from its submission (GOVFLOW_TIME_SCALE, local runs only)');

export const registrationView = z.object({
  caseId: z.string(),
  status: registrationStatusName,
  clock: clockView,
  steps: z.array(
    z.object({
      name: z.enum(stepNames),
      round: z.number().int().optional().describe('for steps that repeat: review and supplement rounds, from 1'),
      status: z.enum(stepStatuses),
      at: z.iso.datetime().describe('when the step reached this status'),
      due: taskDueView.optional().describe("the step's time limit (the officer's review: 3 working days)"),
    }),
  ),
  license: z.object({ creditCode: z.string(), enterpriseName: z.string(), issuedAt: z.iso.datetime() }).optional(),
  taxRecord: z.object({ taxpayerId: z.string(), openedAt: z.iso.datetime() }).optional(),
  requiredPermits: z
    .array(
      z.object({
        code: z.string(),
        name: z.string(),
        nameZh: z.string().describe('the official Chinese name, e.g. 食品经营许可'),
        authority: z.string(),
      }),
    )
    .describe('post-license permits to apply for (先照后证, R2.1); empty until the license is issued'),
  informationRequest: z
    .object({ taskId: z.string(), reason: z.string(), requestedAt: z.string() })
    .optional()
    .describe("while information is requested: the officer's reason (补正)"),
  refusal: z
    .object({
      message: z.string(),
      problems: z.array(z.object({ code: z.string(), field: z.string(), message: z.string() })),
    })
    .optional()
    .describe('why a refused submission was refused: each failed name rule (R1.3)'),
});
export type RegistrationView = z.infer<typeof registrationView>;

/** What the registrant sees of a case: the workflow's status without its internal task detail. */
export function toRegistrationView(status: RegistrationStatus): RegistrationView {
  const { caseId, license, taxRecord, timeScale = 1 } = status;
  return {
    caseId,
    status: status.status,
    clock: clockOf(timeScale),
    steps: status.steps.map(({ name, round, status: stepStatus, at, due }) => ({
      name,
      ...(round === undefined ? {} : { round }),
      status: stepStatus,
      at,
      ...(due && { due: toTaskDueView(due) }),
    })),
    ...(license && {
      license: { creditCode: license.creditCode, enterpriseName: license.enterpriseName, issuedAt: license.issuedAt },
    }),
    ...(taxRecord && { taxRecord: { taxpayerId: taxRecord.taxpayerId, openedAt: taxRecord.openedAt } }),
    requiredPermits: status.requiredPermits.map(({ code, name, authority }) => ({
      code,
      name,
      nameZh: permitNameZh(code) ?? name,
      authority,
    })),
    ...(status.refusal && {
      refusal: {
        message: status.refusal.message,
        problems: (status.refusal.details?.problems ?? []).map(({ code, part, message }) => ({
          code,
          field: `name.${part}`,
          message,
        })),
      },
    }),
  };
}

function clockOf(timeScale: number): z.infer<typeof clockView> {
  if (timeScale === 1) return { timeScale, accelerated: false };
  const note =
    `本地加速时钟：计时器按 1/${timeScale} 的时间运行（GOVFLOW_TIME_SCALE=${timeScale}）；` +
    'legalDueAt 与 dueAtCalendar 为按工作日历计算的真实期限，dueAt 为计时器到期时刻';
  return { timeScale, accelerated: true, note };
}

/** The official Chinese name of a catalogue item, from whichever catalogue version lists it. */
function permitNameZh(code: string): string | undefined {
  for (const { value } of permitCatalogues.versions) {
    const entry = value.find((item) => item.code === code);
    if (entry) return entry.nameZh;
  }
  return undefined;
}
