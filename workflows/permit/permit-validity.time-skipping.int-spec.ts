import { resolveReminder } from '@govflow/policy';
import { eventually } from '../registration/registration.fixtures';
import { renewalUpdate } from './definitions';
import { foodOfficer, itemOf, owner } from './permit.fixtures';
import { permitWorkflow } from './permit.workflow';
import { usePermitTestBed } from '../../test/support/permit-test-bed';
import { terminateWhenIdle } from '../../test/support/terminate-when-idle';

jest.setTimeout(60_000);

/** The workflow asks the calendar for the reminder's day 90 days before expiry (the year's notice may be later). */
const calendarAskedAt = (validUntil: string) => new Date(Date.parse(validUntil) - 90 * 86_400_000).toISOString();

describe(`${permitWorkflow.name} on the time-skipping server: validity, reminder and renewal`, () => {
  const { open, reaching, sleepUntil, decide, failureOf, factTypes } = usePermitTestBed();

  it('picks none when the share is 0, reminds 30 working days before expiry, and expires at the end of the last day', async () => {
    const never = itemOf('food-business-permit', {
      validity: { months: 6 },
      spotCheck: { sharePercent: 0, inspectionPeriod: { workingDays: 20 } },
    });
    const { caseId, handle, accepted } = await open(never, 'commitment');
    const granted = await accepted;
    expect(granted.spotCheck).toEqual({ selected: false, sharePercent: 0 });
    await sleepUntil(calendarAskedAt(granted.validity!.validUntil));
    const { validity } = await reaching(handle, (s) => s.validity?.renewalDueAt !== undefined);
    const reminder = resolveReminder({ lastDay: validity!.lastDay, workingDays: 30 });
    expect(validity!.renewalDueAt).toBe(reminder.at);

    await sleepUntil(reminder.at);
    await eventually(
      () => Promise.resolve(factTypes(caseId)),
      (types) => types.includes('PermitRenewalDue'),
    );
    await sleepUntil(validity!.validUntil);
    const result = await handle.result();
    expect(result.status).toBe('expired');
    expect(factTypes(caseId)).toEqual([
      'PermitApplied',
      'CommitmentSigned',
      'PermitGranted',
      'PermitRenewalDue',
      'PermitExpired',
    ]);
  });

  it('restarts the validity once an officer of the authority approves the renewal (history counted)', async () => {
    const never = itemOf('food-business-permit', {
      validity: { months: 6 },
      spotCheck: { sharePercent: 0, inspectionPeriod: { workingDays: 20 } },
    });
    const { caseId, handle, accepted } = await open(never, 'commitment');
    const first = (await accepted).validity!;
    await sleepUntil(calendarAskedAt(first.validUntil));
    const { validity } = await reaching(handle, (s) => s.validity?.renewalDueAt !== undefined);
    await sleepUntil(validity!.renewalDueAt!);
    const applied = await handle.executeUpdate(renewalUpdate, { args: [{ actor: owner }] });
    expect(applied.openTask).toMatchObject({
      kind: 'permit-renewal-review',
      candidateGroup: { role: 'permit-officer', department: 'market-regulation' },
    });
    expect(applied.validity?.renewals).toBe(0);
    const again = failureOf(handle.executeUpdate(renewalUpdate, { args: [{ actor: owner }] }));
    expect(await again).toMatchObject({ type: 'NotRenewable' });

    await decide(handle, 'permit-renewal-review', foodOfficer, 'approve', '符合延续条件');
    const renewed = await reaching(handle, (s) => s.validity?.renewals === 1);
    expect(Date.parse(renewed.validity!.validUntil)).toBeGreaterThan(Date.parse(first.validUntil));
    expect(renewed.status).toBe('granted');
    expect(renewed.steps.find((s) => s.name === 'renewal')).toMatchObject({
      status: 'done',
      note: `准予延续，有效期至${renewed.validity!.lastDay}`,
    });
    expect(factTypes(caseId)).toEqual([
      'PermitApplied',
      'CommitmentSigned',
      'PermitGranted',
      'PermitRenewalDue',
      'PermitRenewed',
    ]);
    const { events } = await handle.fetchHistory();
    console.log(`permit history events (commitment, renewal reviewed and approved): ${events?.length}`);
    await terminateWhenIdle(handle, 'test over');
  });

  it('lets a refused renewal expire at the end of the last day', async () => {
    const never = itemOf('food-business-permit', {
      validity: { months: 6 },
      spotCheck: { sharePercent: 0, inspectionPeriod: { workingDays: 20 } },
    });
    const { caseId, handle, accepted } = await open(never, 'commitment');
    const first = (await accepted).validity!;
    await handle.executeUpdate(renewalUpdate, { args: [{ actor: owner }] });
    await decide(handle, 'permit-renewal-review', foodOfficer, 'reject', '经营条件已发生变化');
    const refused = await reaching(handle, (s) => s.steps.some((x) => x.name === 'renewal' && x.status === 'rejected'));
    expect(refused).toMatchObject({ status: 'granted', validity: { validUntil: first.validUntil, renewals: 0 } });
    const again = failureOf(handle.executeUpdate(renewalUpdate, { args: [{ actor: owner }] }));
    expect(await again).toMatchObject({ type: 'NotRenewable' });

    await sleepUntil(first.validUntil);
    expect(await handle.result()).toMatchObject({ status: 'expired' });
    expect(factTypes(caseId)).toEqual(['PermitApplied', 'CommitmentSigned', 'PermitGranted', 'PermitExpired']);
    const { events } = await handle.fetchHistory();
    console.log(`permit history events (commitment, renewal refused, expired): ${events?.length}`);
  });
});
