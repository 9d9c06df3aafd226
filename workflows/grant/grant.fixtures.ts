// Test data and test doubles for the grant workflows' tests; never imported by workflow code.
import { ApplicationFailure } from '@temporalio/common';
import type { Actor } from '../../libs/contracts/src/actors';
import {
  type GrantActivities,
  type GrantFact,
  type GrantHoldInput,
  GrantRefusalType,
  type MakerSpaceActivities,
} from '../../libs/contracts/src/science/grant-activities';
import type { TaskEventRecord } from '../../libs/contracts/src/tasks/task-activities';
import { grantProgramme, grantProgrammes } from '../../libs/policy/src/maker-space/grant-programmes';
import type { GrantInput } from './definitions';

export const registrant: Actor = { id: 'registrant1', role: 'registrant' };
export const sciOfficer1: Actor = { id: 'sci-officer1', role: 'science-officer', department: 'science-commission' };
export const sciOfficer2: Actor = { id: 'sci-officer2', role: 'science-officer', department: 'science-commission' };
export const finOfficer1: Actor = { id: 'fin-officer1', role: 'finance-officer', department: 'finance' };
/** The officer who reviewed, acting in a finance role: four-eyes must still bar them. */
export const sciOfficer1AsFinance: Actor = { ...sciOfficer1, role: 'finance-officer', department: 'finance' };
export const expert = (n: number): Actor => ({ id: `expert${n}`, role: 'expert-reviewer', department: 'expert-panel' });
export const citizen: Actor = { id: 'registrant2', role: 'registrant' };

export const alreadyFunded = '91110112MA01FUND1X';
export const unregistered = '91110112MA01NONE1X';

const catalogue = grantProgrammes.at(new Date('2026-11-30T00:00:00+08:00'));

export function grantInput(caseId: string, programmeCode: string, creditCode = '91110112MA01GRNT1X'): GrantInput {
  const programme = grantProgramme(catalogue.value, programmeCode);
  if (!programme) throw new Error(`no programme ${programmeCode}`);
  return {
    caseId,
    applicant: registrant,
    creditCode,
    enterpriseName: '北京通州创客空间有限公司',
    amountFen: programme.amountRule.kind === 'requested-up-to' ? 150_000_00 : 50_000_000,
    programme,
    programmeVersion: catalogue.version,
    timeScale: 1,
  };
}

type MakerSpaceFact = Parameters<MakerSpaceActivities['recordMakerSpaceFact']>[0];

interface Calls {
  recordMakerSpaceFact: MakerSpaceFact[];
  holdGrant: GrantHoldInput[];
  releaseGrant: { idempotencyKey: string; caseId: string; because: string; at: string }[];
  recordGrantFact: GrantFact[];
  recordTaskEvent: TaskEventRecord[];
}

/** The science commission as the grant workflow sees it: records every call, refuses one entity as already funded. */
export function fakeScienceService() {
  const calls: Calls = {
    recordMakerSpaceFact: [],
    holdGrant: [],
    releaseGrant: [],
    recordGrantFact: [],
    recordTaskEvent: [],
  };
  type Activities = GrantActivities & MakerSpaceActivities & { recordTaskEvent(r: TaskEventRecord): Promise<void> };
  const activities: Activities = {
    checkMakerSpaceApplicant: ({ creditCode }) => {
      if (creditCode !== unregistered) return Promise.resolve({ enterpriseName: '北京通州创客空间有限公司' });
      const message = `统一社会信用代码 ${creditCode} 未在登记机关登记`;
      throw ApplicationFailure.create({ type: GrantRefusalType.NotALiveEnterprise, message, nonRetryable: true });
    },
    recordMakerSpaceFact: (fact) => Promise.resolve(void calls.recordMakerSpaceFact.push(fact)),
    holdGrant: (input) => {
      calls.holdGrant.push(input);
      if (input.creditCode === alreadyFunded) {
        throw ApplicationFailure.create({
          type: GrantRefusalType.AlreadyFunded,
          message: '该单位已在本项目获得资助，同一法人单位同一项目只资助一次',
          nonRetryable: true,
        });
      }
      return Promise.resolve({ enterpriseName: '北京通州创客空间有限公司' });
    },
    releaseGrant: (input) => Promise.resolve(void calls.releaseGrant.push(input)),
    recordGrantFact: (fact) => Promise.resolve(void calls.recordGrantFact.push(fact)),
    recordTaskEvent: (record) => Promise.resolve(void calls.recordTaskEvent.push(record)),
  };
  const callsFor = (caseId: string): Calls => {
    const mine = <T extends { caseId: string }>(list: T[]) => list.filter((call) => call.caseId === caseId);
    return {
      recordMakerSpaceFact: mine(calls.recordMakerSpaceFact),
      holdGrant: mine(calls.holdGrant),
      releaseGrant: mine(calls.releaseGrant),
      recordGrantFact: mine(calls.recordGrantFact),
      recordTaskEvent: mine(calls.recordTaskEvent),
    };
  };
  return { activities, callsFor };
}
