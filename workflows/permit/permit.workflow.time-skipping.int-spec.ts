import { uniqueId } from '../../test/support/servers';
import { resolveDeadline } from '@govflow/policy';
import { claimUpdate } from '../shared/human-task/definitions';
import { supplyMaterialsUpdate } from './definitions';
import { foodInspector, foodOfficer, itemOf, owner, transportOfficer } from './permit.fixtures';
import { permitWorkflow } from './permit.workflow';
import { usePermitTestBed } from '../../test/support/permit-test-bed';
import { terminateWhenIdle } from '../../test/support/terminate-when-idle';

jest.setTimeout(60_000);

describe(`${permitWorkflow.name} on the time-skipping server`, () => {
  const { authorities, open, statusOf, reaching, atRest, sleepUntil, decide, failureOf, factTypes } =
    usePermitTestBed();

  it('deems the application accepted when no materials notice came in 5 working days, then grants for 5 years (history counted)', async () => {
    const { caseId, handle, accepted } = await open(itemOf('food-business-permit'), 'standard');
    await accepted;
    const { openTask, steps } = await reaching(handle, (s) => s.openTask?.kind === 'permit-materials');
    const noticeDue = steps.find((s) => s.name === 'materials')!.due!;
    const { appliedAt } = authorities.factsOf(caseId)[0] as { appliedAt: string };
    const expected = resolveDeadline({ period: { workingDays: 5 }, from: appliedAt, timeScale: 1 });
    expect(noticeDue).toMatchObject({ legalDueAt: expected.legalDueAt, dueAtCalendar: expected.dueAtCalendar });
    expect(openTask).toMatchObject({ candidateGroup: { role: 'permit-officer', department: 'market-regulation' } });

    await sleepUntil(noticeDue.dueAt);
    const review = await reaching(handle, (s) => s.openTask?.kind === 'permit-review');
    expect(review.steps.find((s) => s.name === 'materials')?.status).toBe('deemed-accepted');
    expect(authorities.taskEventsOf(caseId).map((e) => e.type)).toContain('lapsed');
    const lateNotice = failureOf(
      handle.executeUpdate(claimUpdate, { args: [{ taskId: `${caseId}:materials`, actor: foodOfficer }] }),
    );
    expect(await lateNotice).toMatchObject({ type: 'AlreadyDecided' });

    await decide(handle, 'permit-review', foodOfficer, 'approve', '经审查符合条件');
    const granted = await reaching(handle, (s) => s.status === 'granted');
    expect(granted.validity).toMatchObject({ renewals: 0 });
    expect(granted.validity!.lastDay.slice(0, 4)).toBe(String(new Date(granted.validity!.grantedAt).getFullYear() + 5));
    expect(factTypes(caseId)).toEqual(['PermitApplied', 'ApplicationDeemedAccepted', 'PermitGranted']);
    expect(authorities.recordsOf(caseId)[1]).toMatchObject({ by: null, reason: '逾期未告知补正，视为受理' });
    expect(authorities.factsOf(caseId)[2]).toMatchObject({ route: 'standard', grantedBy: foodOfficer });

    const history = await handle.fetchHistory();
    console.log(`permit history events (standard, deemed accepted, granted): ${history.events?.length}`);
    expect(history.events?.length).toBeLessThanOrEqual(100); // 94 when measured (2026-11-29), with the 5-year watch's timer
    await terminateWhenIdle(handle, 'test over');
  });

  it('takes one materials notice, the supplement, and escalates the decision once its time limit passes', async () => {
    const { caseId, handle, accepted } = await open(itemOf('food-business-permit'), 'standard');
    await accepted;
    await decide(handle, 'permit-materials', foodOfficer, 'request-info', '缺：经营场所使用证明、食品安全管理制度');
    await reaching(handle, (s) => s.status === 'awaiting-materials');
    const supplied = handle.executeUpdate(supplyMaterialsUpdate, {
      args: [{ actor: owner, materials: { premisesProof: '租赁合同.pdf', foodSafetyRules: '制度.pdf' } }],
    });
    await supplied;
    const again = failureOf(handle.executeUpdate(supplyMaterialsUpdate, { args: [{ actor: owner, materials: {} }] }));
    expect(await again).toMatchObject({ type: 'NotAwaitingMaterials' });

    const { openTask } = await reaching(handle, (s) => s.openTask?.kind === 'permit-review');
    const { suppliedAt } = authorities.factsOf(caseId)[2] as { suppliedAt: string };
    const expected = resolveDeadline({ period: { workingDays: 10 }, from: suppliedAt, timeScale: 1 });
    expect(openTask).toMatchObject({ legalDueAt: expected.legalDueAt, dueAtCalendar: expected.dueAtCalendar });
    await sleepUntil(openTask!.dueAt);
    await reaching(handle, (s) => s.openTask?.escalated === true);

    await decide(handle, 'permit-review', foodOfficer, 'reject', '经营场所不符合食品安全要求');
    const result = await handle.result();
    expect(result).toMatchObject({ status: 'refused', decision: { outcome: 'reject' } });
    expect(factTypes(caseId)).toEqual(['PermitApplied', 'MaterialsRequested', 'MaterialsSupplied', 'PermitRefused']);
  });

  it('grants at once on a signed commitment, spot-checks by the policy share, and a false commitment revokes and marks credit', async () => {
    const always = itemOf('food-business-permit', {
      spotCheck: { sharePercent: 100, inspectionPeriod: { workingDays: 20 } },
    });
    const { caseId, creditCode, handle, accepted } = await open(always, 'commitment');
    expect(await accepted).toMatchObject({ status: 'granted' });
    const checked = await reaching(handle, (s) => s.openTask?.kind === 'spot-check');
    expect(checked.spotCheck).toEqual({ selected: true, sharePercent: 100 });
    expect(checked.openTask?.candidateGroup).toEqual({ role: 'inspector', department: 'market-regulation' });

    await decide(handle, 'spot-check', foodInspector, 'reject', '现场无食品安全管理人员，承诺不实');
    const revoked = await reaching(handle, (s) => s.status === 'revoked');
    expect(revoked.spotCheck?.finding).toBe('false-commitment');
    expect(factTypes(caseId)).toEqual([
      'PermitApplied',
      'CommitmentSigned',
      'PermitGranted',
      'SpotCheckScheduled',
      'CommitmentFoundFalse',
      'PermitRevoked',
    ]);
    expect(authorities.factsOf(caseId)[1]).toMatchObject({
      conditionsVersion: 'food-commitment-2026-11',
      signedBy: owner,
    });
    await handle.result();
    const history = await handle.fetchHistory();
    console.log(`permit history events (commitment, spot-checked, revoked): ${history.events?.length}`);
    expect(history.events?.length).toBeLessThanOrEqual(100); // 94 when measured (2026-11-29)

    // The credit mark closes the route: the next commitment attempt is refused, saying why.
    const next = await open(always, 'commitment', creditCode);
    expect(await failureOf(next.accepted)).toMatchObject({
      type: 'CommitmentRouteClosed',
      message: expect.stringContaining('告知承诺不实') as string,
    });
    expect(factTypes(next.caseId)).toEqual(['PermitApplied', 'PermitRefused']);
  });

  it('refuses the commitment route to an applicant with a serious bad-credit mark; the standard route stays open', async () => {
    const creditCode = uniqueId('91110108MB');
    authorities.markSeriousBadCredit(creditCode);
    const refused = await open(itemOf('food-business-permit'), 'commitment', creditCode);
    expect(await failureOf(refused.accepted)).toMatchObject({ type: 'CommitmentRouteClosed' });
    expect(await refused.handle.result()).toMatchObject({
      status: 'refused',
      refusal: { type: 'CommitmentRouteClosed' },
    });
    const standard = await open(itemOf('food-business-permit'), 'standard', creditCode);
    expect(await standard.accepted).toMatchObject({ status: 'applied' });
    await atRest(standard.handle, 'permit-materials');
  });

  it('records a filing at once, and never asks for one the held food business permit covers', async () => {
    const creditCode = uniqueId('91110108MC');
    const filing = await open(itemOf('prepackaged-food-filing'), 'filing', creditCode);
    expect(await filing.handle.result()).toMatchObject({ status: 'filed' });
    expect(factTypes(filing.caseId)).toEqual(['PermitApplied', 'PermitFiled']);

    const food = await open(itemOf('food-business-permit'), 'commitment', creditCode);
    await food.accepted;
    const covered = await open(itemOf('prepackaged-food-filing'), 'filing', creditCode);
    expect(await failureOf(covered.accepted)).toMatchObject({ type: 'CoveredByOtherPermit' });
    const twice = await open(itemOf('food-business-permit'), 'standard');
    await twice.accepted;
    await atRest(twice.handle, 'permit-materials');
    const again = await open(itemOf('food-business-permit'), 'standard', twice.creditCode);
    expect(await failureOf(again.accepted)).toMatchObject({ type: 'PermitCaseOpen' });
  });

  it('runs cases at two authorities in parallel, each finishing on its own', async () => {
    const creditCode = uniqueId('91110108ME');
    const food = await open(itemOf('food-business-permit'), 'standard', creditCode);
    const freight = await open(itemOf('road-freight-permit'), 'standard', creditCode);
    await Promise.all([food.accepted, freight.accepted]);
    await decide(freight.handle, 'permit-materials', transportOfficer, 'approve');
    await decide(food.handle, 'permit-materials', foodOfficer, 'approve');
    const wrongAuthority = failureOf(decide(freight.handle, 'permit-review', foodOfficer, 'approve'));
    expect(await wrongAuthority).toMatchObject({ type: 'WrongDepartment' });

    await decide(freight.handle, 'permit-review', transportOfficer, 'approve', '符合条件');
    const freightGranted = await reaching(freight.handle, (s) => s.status === 'granted');
    expect(freightGranted.validity?.lastDay.slice(0, 4)).toBe(
      String(new Date(freightGranted.validity!.grantedAt).getFullYear() + 4),
    );
    expect(await statusOf(food.handle)).toMatchObject({ status: 'under-review' });

    await decide(food.handle, 'permit-review', foodOfficer, 'reject', '场所布局不合理');
    expect(await food.handle.result()).toMatchObject({ status: 'refused' });
    expect(await statusOf(freight.handle)).toMatchObject({ status: 'granted' });
    await terminateWhenIdle(freight.handle, 'test over');
  });

  // Last: it moves the test server's clock past the last year the working-day calendar covers.
});
