// Test doubles for the name refusals of the registration workflow's tests; never imported by workflow code.
import { ApplicationFailure } from '@temporalio/common';
import type { EnterpriseName } from '../../libs/contracts/src/registration/establishment-application';
import type { NameRefusalDetails } from '../../libs/contracts/src/registration/name-refusal';
import { fakeRegistrationService } from './registration.fixtures';

/** As market regulation refuses 海淀 as a trade name (a district's name, R1.3). */
export function placeNameRefusal(name: EnterpriseName): ApplicationFailure {
  const fullName = `${name.division}${name.tradeName}${name.industry}${name.organizationForm}`;
  const message = '字号不得使用县级以上行政区划名称：海淀 is the name of the administrative division 海淀区';
  const details: NameRefusalDetails = {
    fullName,
    problems: [{ code: 'trade-name-is-place-name', part: 'tradeName', message }],
  };
  return ApplicationFailure.create({ type: 'NameNotAllowed', message, details: [details], nonRetryable: true });
}

/** The fake market-regulation service, refusing 海淀 at submission and in a supplement as the real one does. */
export function fakeRegistrationServiceWithNameRules() {
  const fake = fakeRegistrationService();
  const { submitApplication, supplementApplication } = fake.activities;
  const activities = {
    ...fake.activities,
    submitApplication: (input: Parameters<typeof submitApplication>[0]) => {
      if (input.application.name.tradeName === '海淀') return Promise.reject(placeNameRefusal(input.application.name));
      return Promise.resolve(submitApplication(input));
    },
    supplementApplication: (input: Parameters<typeof supplementApplication>[0]) => {
      if (input.changes.name?.tradeName === '海淀') return Promise.reject(placeNameRefusal(input.changes.name));
      return Promise.resolve(supplementApplication(input));
    },
  };
  return { ...fake, activities };
}
