// Test data and a test double for the voucher workflow's tests; never imported by workflow code.
import { ApplicationFailure } from '@temporalio/common';
import type { Actor } from '../../libs/contracts/src/actors';
import {
  type VoucherActivities,
  type VoucherFact,
  type VoucherHoldInput,
  VoucherRefusalType,
  type VoucherReleaseInput,
} from '../../libs/contracts/src/science/voucher-activities';
import type { TaskEventRecord } from '../../libs/contracts/src/tasks/task-activities';
import { voucherProgramme, voucherProgrammes } from '../../libs/policy/src/voucher/voucher-programmes';
import type { VoucherInput } from './definitions';

export const firm: Actor = { id: 'registrant1', role: 'registrant' };
export const provider: Actor = { id: 'provider1', role: 'provider' };
export const otherProvider: Actor = { id: 'provider2', role: 'provider' };
export const sciOfficer1: Actor = { id: 'sci-officer1', role: 'science-officer', department: 'science-commission' };
export const finOfficer1: Actor = { id: 'fin-officer1', role: 'finance-officer', department: 'finance' };
/** The reviewing officer acting in a finance role: four-eyes must still bar them. */
export const sciOfficer1AsFinance: Actor = { ...sciOfficer1, role: 'finance-officer', department: 'finance' };
export const overBudget = '91110112MA01OVER1X';

const catalogue = voucherProgrammes.at(new Date('2026-11-30T00:00:00+08:00'));

export function voucherInput(voucherId: string, creditCode = '91110112MA01VOCH1X'): VoucherInput {
  const programme = voucherProgramme(catalogue.value, 'TZ-INNOVATION-VOUCHER')!;
  return {
    voucherId,
    claimant: firm,
    creditCode,
    amountFen: 100_000_00,
    programme,
    programmeVersion: catalogue.version,
    budgetYear: 2026,
    timeScale: 1,
  };
}

interface Calls {
  holdVoucher: VoucherHoldInput[];
  releaseVoucher: VoucherReleaseInput[];
  recordVoucherFact: VoucherFact[];
  recordTaskEvent: TaskEventRecord[];
}

/** The science commission as the voucher workflow sees it: records every call, refuses one firm as over budget. */
export function fakeVoucherService() {
  const calls: Calls = { holdVoucher: [], releaseVoucher: [], recordVoucherFact: [], recordTaskEvent: [] };
  const activities: VoucherActivities & { recordTaskEvent(r: TaskEventRecord): Promise<void> } = {
    holdVoucher: (input) => {
      calls.holdVoucher.push(input);
      if (input.creditCode === overBudget) {
        const message = `创新券 ${input.programmeCode} 2026 年度预算余额 50000.00 元，不足以发放 100000.00 元`;
        throw ApplicationFailure.create({ type: VoucherRefusalType.BudgetExhausted, message, nonRetryable: true });
      }
      return Promise.resolve({ enterpriseName: '北京通州星河科技有限公司' });
    },
    releaseVoucher: (input) => Promise.resolve(void calls.releaseVoucher.push(input)),
    recordVoucherFact: (fact) => Promise.resolve(void calls.recordVoucherFact.push(fact)),
    recordTaskEvent: (record) => Promise.resolve(void calls.recordTaskEvent.push(record)),
  };
  const callsFor = (voucherId: string): Calls => ({
    holdVoucher: calls.holdVoucher.filter((c) => c.voucherId === voucherId),
    releaseVoucher: calls.releaseVoucher.filter((c) => c.voucherId === voucherId),
    recordVoucherFact: calls.recordVoucherFact.filter((c) => c.voucherId === voucherId),
    recordTaskEvent: calls.recordTaskEvent.filter((c) => c.caseId === voucherId),
  });
  return { activities, callsFor };
}
