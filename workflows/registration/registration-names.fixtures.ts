// Test doubles for the name refusals of the registration workflow's tests; never imported by workflow code.
import { ApplicationFailure } from '@temporalio/common';
import type { EnterpriseName } from '../../libs/contracts/src/registration/establishment-application';
import type { ReviewNameCheck } from '../../libs/contracts/src/registration/name-check';
import type { NameRefusalDetails } from '../../libs/contracts/src/registration/name-refusal';
import { fakeRegistrationService } from './registration.fixtures';

/** As market regulation refuses 海淀 as a trade name (a district's name, R1.3). */
export function placeNameRefusal(name: EnterpriseName): ApplicationFailure {
  const fullName = `${name.division}${name.tradeName}${name.industry}${name.organizationForm}`;
  const message = '字号不得使用县级以上行政区划名称：字号“海淀”是行政区划海淀区的名称';
  const details: NameRefusalDetails = {
    fullName,
    problems: [{ code: 'trade-name-is-place-name', part: 'tradeName', message }],
  };
  return ApplicationFailure.create({ type: 'NameNotAllowed', message, details: [details], nonRetryable: true });
}

/**
 * The fake market-regulation service, refusing 海淀 at submission and in a supplement as the real one does; the
 * re-examination at review answers from `takenMeanwhile` (names another case took) and `linkedTo` (declared links).
 */
export function fakeRegistrationServiceWithNameRules() {
  const fake = fakeRegistrationService();
  const takenMeanwhile = new Set<string>();
  const linkedTo = new Map<string, string>();
  const { submitApplication, supplementApplication } = fake.activities;
  const activities = {
    ...fake.activities,
    reexamineNames: ({ caseIds }: { caseIds: string[] }): Promise<ReviewNameCheck[]> =>
      Promise.resolve(
        caseIds.map((caseId) => {
          const taken = takenMeanwhile.has(caseId);
          const problems = taken
            ? [{ code: 'identical-trade-name', message: '同一登记机关辖区内同行业已有相同字号：已预留' }]
            : [];
          const link = linkedTo.get(caseId);
          return {
            caseId,
            checkedAt: new Date().toISOString(),
            available: !taken,
            fullName: '北京星河科技有限公司',
            problems,
            ...(link && { investmentLinkToConfirm: link }),
          };
        }),
      ),
    submitApplication: (input: Parameters<typeof submitApplication>[0]) => {
      if (input.application.name.tradeName === '海淀') return Promise.reject(placeNameRefusal(input.application.name));
      return Promise.resolve(submitApplication(input));
    },
    supplementApplication: (input: Parameters<typeof supplementApplication>[0]) => {
      if (input.changes.name?.tradeName === '海淀') return Promise.reject(placeNameRefusal(input.changes.name));
      return Promise.resolve(supplementApplication(input));
    },
  };
  return { ...fake, activities, takenMeanwhile, linkedTo };
}
