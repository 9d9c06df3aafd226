import { uniqueId } from '../../test/support/servers';
import { usePermitTestBed } from '../../test/support/permit-test-bed';
import { type EnterpriseDeregisteredNotice, enterpriseDeregisteredSignal, permitStatusQuery } from './definitions';
import { foodOfficer, itemOf } from './permit.fixtures';
import { permitWorkflow } from './permit.workflow';

jest.setTimeout(60_000);

describe(`${permitWorkflow.name} when the enterprise is deregistered (time-skipping)`, () => {
  const { authorities, open, reaching, atRest, sleepUntil, now, decide, factTypes } = usePermitTestBed();
  const notice = (deregisteredAt: string): EnterpriseDeregisteredNotice => ({
    deregistrationCaseId: uniqueId('dereg'),
    eventId: uniqueId('event'),
    deregisteredAt,
  });
  const opened = async (...args: Parameters<typeof open>) => {
    const { caseId, handle, accepted } = await open(...args);
    return { caseId, handle, accepted: await accepted };
  };

  it('ends a case under review, its task escalated: the task lapses and PermitEnded names the deregistration (history counted)', async () => {
    const { caseId, handle } = await opened(itemOf('food-business-permit'), 'standard', uniqueId('91110108MF'));
    await atRest(handle, 'permit-materials');
    await decide(handle, 'permit-materials', foodOfficer, 'approve');
    const { openTask } = await atRest(handle, 'permit-review');
    await sleepUntil(openTask!.dueAt);
    await reaching(handle, (s) => s.openTask?.escalated === true); // past its time limit, waiting on the decision

    const ended = notice(new Date(await now()).toISOString());
    await handle.signal(enterpriseDeregisteredSignal, ended);
    await handle.signal(enterpriseDeregisteredSignal, notice('2030-01-01T00:00:00.000Z')); // the first one counts
    const result = await handle.result();

    expect(result).toMatchObject({
      status: 'ended',
      ending: { reason: 'enterprise-deregistered', endedFrom: 'under-review', ...pick(ended) },
    });
    expect(factTypes(caseId)).toEqual(['PermitApplied', 'PermitEnded']);
    expect(authorities.recordsOf(caseId)[1]).toMatchObject({
      idempotencyKey: `${caseId}:end`,
      by: null,
      causationId: ended.eventId,
      fact: { deregistrationCaseId: ended.deregistrationCaseId, effectiveAt: ended.deregisteredAt },
    });
    const review = authorities.taskEventsOf(caseId).filter((e) => e.type === 'lapsed');
    expect(review).toEqual([expect.objectContaining({ reason: '企业已注销，许可事项终止办理' })]);

    const history = await handle.fetchHistory();
    console.log(
      `permit history events (materials approved, under review, escalated, ended by deregistration): ${history.events?.length}`,
    );
    expect(history.events?.length).toBeLessThanOrEqual(95); // 87 when measured (2026-11-29)
  });

  it('ends a granted permit: its validity timers stop, no reminder or expiry follows', async () => {
    const sixMonths = itemOf('food-business-permit', {
      validity: { months: 6 },
      spotCheck: { sharePercent: 0, inspectionPeriod: { workingDays: 20 } },
    });
    const { caseId, handle, accepted } = await opened(sixMonths, 'commitment', uniqueId('91110108MF'));
    expect(accepted.status).toBe('granted');

    await handle.signal(enterpriseDeregisteredSignal, notice(new Date(await now()).toISOString()));
    expect(await handle.result()).toMatchObject({ status: 'ended', ending: { endedFrom: 'granted' } });
    await sleepUntil(new Date(Date.parse(accepted.validity!.validUntil) + 86_400_000).toISOString());

    expect(factTypes(caseId)).toEqual(['PermitApplied', 'CommitmentSigned', 'PermitGranted', 'PermitEnded']);
    expect(await handle.query(permitStatusQuery)).toMatchObject({ status: 'ended' });
    const history = await handle.fetchHistory();
    const timers = history.events?.filter((e) => e.timerStartedEventAttributes) ?? [];
    const cancelled = history.events?.filter((e) => e.timerCanceledEventAttributes) ?? [];
    expect(timers.length).toBeGreaterThan(0);
    expect(cancelled.length).toBe(timers.length);
  });
});

const pick = ({ deregistrationCaseId, deregisteredAt }: EnterpriseDeregisteredNotice) => ({
  deregistrationCaseId,
  effectiveAt: deregisteredAt,
});
