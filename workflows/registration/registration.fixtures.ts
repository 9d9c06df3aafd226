// Test data and test doubles for the registration workflow's tests; never imported by workflow code.
import type { Actor } from '../../libs/contracts/src/actors';
import type { EstablishmentApplication } from '../../libs/contracts/src/registration/establishment-application';
import type { TaskEventRecord } from '../../libs/contracts/src/tasks/task-activities';
import type { RegistrationActivities } from './activities';
import type { RegistrationInput, RegistrationPolicy } from './definitions';

export const applicant: Actor = { id: 'applicant-zhang', role: 'registrant' };
export const officerLi: Actor = { id: 'officer-li', role: 'registration-officer', department: 'market-regulation' };
export const officerWang: Actor = { id: 'officer-wang', role: 'registration-officer', department: 'market-regulation' };
export const taxOfficer: Actor = { id: 'officer-zhao', role: 'tax-officer', department: 'tax' };
export const officerOfScience: Actor = {
  id: 'officer-qian',
  role: 'registration-officer',
  department: 'science-commission',
};

export const application: EstablishmentApplication = {
  name: { division: '北京', tradeName: '星河', industry: '科技', organizationForm: '有限公司' },
  entityType: 'limited-company',
  registeredCapital: { amount: '1000000.00', currency: 'CNY' },
  domicile: '北京市海淀区中关村大街1号',
  businessScope: ['技术开发', '技术咨询'],
  legalRepresentative: { name: '张伟', idNumber: '110108199001011234' },
  shareholders: [
    { name: '张伟', idNumber: '110108199001011234', subscribedAmount: { amount: '1000000.00', currency: 'CNY' } },
  ],
};

export const policy: RegistrationPolicy = {
  reviewPeriod: { workingDays: 3 },
  taxRecordTimeout: '1 day',
  permitCatalogueVersion: 'permit-catalogue.v1',
};

export const registrationInput = (caseId: string): RegistrationInput => ({ caseId, applicant, application, policy });

export const foodPermit = { code: 'food-business', name: '食品经营许可', authority: 'market-regulation' };

type Calls = { [Name in keyof RegistrationActivities]: Parameters<RegistrationActivities[Name]>[0][] } & {
  recordTaskEvent: TaskEventRecord[];
};

/** The market-regulation service as the workflow sees it: records every call, answers like the real one. */
export function fakeRegistrationService() {
  const calls: Calls = {
    submitApplication: [],
    rejectApplication: [],
    supplementApplication: [],
    issueLicense: [],
    determineRequiredPermits: [],
    recordTaskEvent: [],
  };
  const activities = {
    submitApplication: (input: Calls['submitApplication'][number]) => void calls.submitApplication.push(input),
    rejectApplication: (input: Calls['rejectApplication'][number]) => void calls.rejectApplication.push(input),
    supplementApplication: (input: Calls['supplementApplication'][number]) =>
      void calls.supplementApplication.push(input),
    issueLicense: (input: Calls['issueLicense'][number]) => {
      calls.issueLicense.push(input);
      const { division, tradeName, industry, organizationForm } = input.application.name;
      const enterpriseName = `${division}${tradeName}${industry}${organizationForm}`;
      return Promise.resolve({ creditCode: '91110000600037341L', enterpriseName, issuedAt: input.approvedAt });
    },
    determineRequiredPermits: (input: Calls['determineRequiredPermits'][number]) => {
      calls.determineRequiredPermits.push(input);
      return Promise.resolve(input.businessScope.some((item) => item.includes('食品')) ? [foodPermit] : []);
    },
    recordTaskEvent: (record: TaskEventRecord) => void calls.recordTaskEvent.push(record),
    // The officer's re-examination at approval: every name still available (registration-names.fixtures varies it).
    reexamineNames: ({ caseIds }: { caseIds: string[] }) =>
      Promise.resolve(
        caseIds.map((caseId) => ({
          caseId,
          checkedAt: new Date().toISOString(),
          available: true,
          fullName: '',
          problems: [],
        })),
      ),
  };

  /** The calls made for one case, so tests sharing the fake stay apart. */
  const callsFor = (caseId: string): Calls => {
    const mine = <T extends { caseId: string }>(list: T[]) => list.filter((call) => call.caseId === caseId);
    return {
      submitApplication: mine(calls.submitApplication),
      rejectApplication: mine(calls.rejectApplication),
      supplementApplication: mine(calls.supplementApplication),
      issueLicense: mine(calls.issueLicense),
      determineRequiredPermits: mine(calls.determineRequiredPermits),
      recordTaskEvent: mine(calls.recordTaskEvent),
    };
  };
  /** The task events recorded for one case, in the order the workflow recorded them. */
  const taskEventsFor = (caseId: string) => callsFor(caseId).recordTaskEvent.map((record) => record.event);

  return { activities, callsFor, taskEventsFor };
}

/** Polls until `accept` holds; for state that a workflow reaches on its own after an update or signal. */
export async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`condition not reached in ${timeoutMs} ms; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
