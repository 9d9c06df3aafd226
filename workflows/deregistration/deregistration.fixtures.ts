// Test data and test doubles for the deregistration workflow's tests; never imported by workflow code.
import { ApplicationFailure } from '@temporalio/common';
import type { Actor } from '../../libs/contracts/src/actors';
import type {
  AcceptedDeregistration,
  DeregistrationActivities,
  DeregistrationApplication,
} from '../../libs/contracts/src/deregistration/deregistration-activities';
import type { TaskEventRecord } from '../../libs/contracts/src/tasks/task-activities';
import type { DeregistrationInput, DeregistrationPolicy } from './definitions';

export const owner: Actor = { id: 'owner-zhang', role: 'registrant' };
export const creditor: Actor = { id: 'creditor-wang', role: 'registrant' };
export const officerLi: Actor = { id: 'officer-li', role: 'registration-officer', department: 'market-regulation' };

export const limitedCompany = '91110108MA01TEST1X';
export const individualBusiness = '92110108MA01TEST2X';
export const ineligible = '91110108MA01TEST3X';

export const application = (creditCode = limitedCompany): DeregistrationApplication => ({
  creditCode,
  declaration: { noDebts: true },
  commitments: [{ name: '张伟', idNumber: '110108199001011234', signedAt: '2026-11-28T10:00:00.000Z' }],
});

export const deregistrationInput = (caseId: string, creditCode: string, policy: DeregistrationPolicy) =>
  ({
    caseId,
    applicant: owner,
    application: application(creditCode),
    policy,
    timeScale: 1,
  }) satisfies DeregistrationInput;

type Calls = { [Name in keyof DeregistrationActivities]: Parameters<DeregistrationActivities[Name]>[0][] } & {
  recordTaskEvent: TaskEventRecord[];
};

/** Market regulation as the deregistration workflow sees it: records every call, answers like the real one. */
export function fakeDeregistrationService() {
  const calls: Calls = {
    applyForDeregistration: [],
    startDeregistrationAnnouncement: [],
    recordDeregistrationObjection: [],
    recordDeregistrationConfirmed: [],
    lapseDeregistration: [],
    refuseDeregistration: [],
    deregisterEnterprise: [],
    recordTaskEvent: [],
  };
  const activities = {
    applyForDeregistration: (input: Calls['applyForDeregistration'][number]): AcceptedDeregistration => {
      calls.applyForDeregistration.push(input);
      const { creditCode } = input.application;
      if (creditCode === ineligible) {
        const reasons = [
          { code: 'abnormal-operations', message: '企业被列入经营异常名录' },
          { code: 'investigation', message: '企业正被立案调查' },
        ];
        throw ApplicationFailure.create({
          type: 'NotEligible',
          message: '不符合简易注销条件',
          nonRetryable: true,
          details: [{ reasons }],
        });
      }
      const entityType = creditCode === individualBusiness ? 'individual-business' : 'limited-company';
      return { creditCode, enterpriseName: '北京星河科技有限公司', entityType };
    },
    startDeregistrationAnnouncement: (input: Calls['startDeregistrationAnnouncement'][number]) =>
      void calls.startDeregistrationAnnouncement.push(input),
    recordDeregistrationObjection: (input: Calls['recordDeregistrationObjection'][number]) =>
      void calls.recordDeregistrationObjection.push(input),
    recordDeregistrationConfirmed: (input: Calls['recordDeregistrationConfirmed'][number]) =>
      void calls.recordDeregistrationConfirmed.push(input),
    lapseDeregistration: (input: Calls['lapseDeregistration'][number]) => void calls.lapseDeregistration.push(input),
    refuseDeregistration: (input: Calls['refuseDeregistration'][number]) => void calls.refuseDeregistration.push(input),
    deregisterEnterprise: (input: Calls['deregisterEnterprise'][number]) => {
      calls.deregisterEnterprise.push(input);
      return { deregisteredAt: input.at };
    },
    recordTaskEvent: (record: TaskEventRecord) => void calls.recordTaskEvent.push(record),
  };
  const callsFor = (caseId: string): Calls => {
    const mine = <T extends { caseId: string }>(list: T[]) => list.filter((call) => call.caseId === caseId);
    return Object.fromEntries(
      Object.entries(calls).map(([name, list]) => [name, mine(list as { caseId: string }[])]),
    ) as Calls;
  };
  return { activities, callsFor };
}
