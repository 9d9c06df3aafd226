// Test data and test doubles for the permit workflow's tests; never imported by workflow code.
import { ApplicationFailure } from '@temporalio/common';
import type { Actor } from '../../libs/contracts/src/actors';
import type {
  CreditMark,
  MarkCreditInput,
  RecordPermitFactInput,
} from '../../libs/contracts/src/permits/permit-activities';
import type { PermitFact, PermitRouteName } from '../../libs/contracts/src/permits/permit-events';
import type { TaskEventRecord } from '../../libs/contracts/src/tasks/task-activities';
import { permitCatalogues } from '../../libs/policy/src/permits/permit-catalogues';
import type { PermitProcedure } from '../../libs/policy/src/permits/permit-procedure';
import type { PermitInput, PermitItem } from './definitions';

export const owner: Actor = { id: 'owner-zhang', role: 'registrant' };
export const foodOfficer: Actor = { id: 'food-officer', role: 'permit-officer', department: 'market-regulation' };
export const transportOfficer: Actor = { id: 'transport-officer', role: 'permit-officer', department: 'transport' };
export const foodInspector: Actor = { id: 'inspector-wu', role: 'inspector', department: 'market-regulation' };

/** A catalogue item as the gateway passes it, from the version in force on 2026-11-29, with `changes` for a test. */
export function itemOf(code: string, changes: Partial<PermitProcedure> = {}): PermitItem {
  const catalogue = permitCatalogues.at(new Date('2026-11-29T12:00:00+08:00'));
  const entry = catalogue.value.find((e) => e.code === code);
  if (!entry?.procedure) throw new Error(`no procedure for ${code}`);
  const { nameZh, authority, kind } = entry;
  const procedure = { ...entry.procedure, ...changes };
  return { code, nameZh, authority, kind, catalogueVersion: catalogue.version, procedure };
}

export function permitInput(caseId: string, creditCode: string, item: PermitItem, route: PermitRouteName): PermitInput {
  return {
    caseId,
    applicant: owner,
    enterprise: { creditCode, name: '北京星河餐饮有限公司' },
    item,
    route,
    materials: { applicationForm: '食品经营许可申请书.pdf' },
    ...(route === 'commitment' && {
      commitment: { conditionsVersion: item.procedure.conditions?.version ?? '', signedAt: '2026-11-29T02:00:00.000Z' },
    }),
    timeScale: 1,
  };
}

const terminal = new Set(['PermitRefused', 'PermitRevoked', 'PermitExpired', 'PermitFiled', 'PermitEnded']);

/**
 * The permit authorities and market regulation's credit record as the workflow sees them: every call recorded, one
 * open case per enterprise and item, a covered item refused while the covering one is held, marks kept per enterprise.
 */
export function fakeAuthorities() {
  const facts: (RecordPermitFactInput & { fact: PermitFact })[] = [];
  const taskEvents: TaskEventRecord[] = [];
  const marks = new Map<string, CreditMark[]>();
  const held = new Map<string, { caseId: string; open: boolean; granted: boolean }>();
  const key = (creditCode: string, code: string) => `${creditCode}/${code}`;

  const permits = {
    recordPermitFact: (input: RecordPermitFactInput) => {
      if (facts.some((f) => f.idempotencyKey === input.idempotencyKey)) return;
      const { fact } = input;
      const entry = held.get(key(fact.creditCode, fact.permitCode));
      if (fact.type === 'PermitApplied') {
        if (entry?.open) throw refusal('PermitCaseOpen', `已有办理中的${fact.nameZh}申请（${entry.caseId}）`);
        if (
          fact.permitCode === 'prepackaged-food-filing' &&
          held.get(key(fact.creditCode, 'food-business-permit'))?.granted
        )
          throw refusal('CoveredByOtherPermit', '已持有食品经营许可证，无需另行备案');
        held.set(key(fact.creditCode, fact.permitCode), { caseId: fact.caseId, open: true, granted: false });
      }
      if (entry && fact.type === 'PermitGranted') Object.assign(entry, { open: false, granted: true });
      if (entry && terminal.has(fact.type)) Object.assign(entry, { open: false, granted: false });
      facts.push(input);
    },
    recordTaskEvent: (record: TaskEventRecord) => void taskEvents.push(record),
  };
  const credit = {
    readCreditRecord: ({ creditCode }: { creditCode: string }) => ({ creditCode, marks: marks.get(creditCode) ?? [] }),
    markCredit: (input: MarkCreditInput) => {
      const list = marks.get(input.creditCode) ?? [];
      if (!list.some((m) => m.markId === input.idempotencyKey)) {
        const { kind, reason, by, at } = input;
        list.push({ markId: input.idempotencyKey, kind, reason, by, at });
      }
      marks.set(input.creditCode, list);
      return { creditCode: input.creditCode, marks: list };
    },
  };
  return {
    permits,
    credit,
    /** The fact types recorded for a case, in order. */
    factsOf: (caseId: string) => facts.filter((f) => f.fact.caseId === caseId).map((f) => f.fact),
    recordsOf: (caseId: string) => facts.filter((f) => f.fact.caseId === caseId),
    taskEventsOf: (caseId: string) => taskEvents.filter((e) => e.caseId === caseId).map((e) => e.event),
    markSeriousBadCredit(creditCode: string) {
      const by = { id: 'credit-officer', role: 'registration-officer', department: 'market-regulation' } as const;
      const reason = '严重失信主体名单（列入严重违法失信名单）';
      marks.set(creditCode, [
        { markId: `seed:${creditCode}`, kind: 'serious-bad-credit', reason, by, at: '2026-01-05' },
      ]);
    },
  };
}

const refusal = (type: string, message: string) => ApplicationFailure.create({ type, message, nonRetryable: true });
