import type { AuditedEvent } from '../audit-trail/audit-trail.store';
import { caseDiff, caseStateAt } from './case-state-at';

const event = (service: string, streamId: string, version: number, type: string, occurredAt: string): AuditedEvent => ({
  eventId: `${streamId}-${version}`,
  type,
  service,
  occurredAt,
  actor: { id: 'x', role: 'registrant', department: null },
  reason: null,
  streamId,
  version,
  causationId: null,
});

describe(caseStateAt.name, () => {
  const events = [
    event('registration', 'establishment-1', 1, 'ApplicationSubmitted', '2026-11-02T01:00:00.000Z'),
    event('tasks', 'task-1', 1, 'TaskCreated', '2026-11-02T01:00:01.000Z'),
    event('registration', 'establishment-1', 2, 'ApplicationApproved', '2026-11-03T02:00:00.000Z'),
    event('registration', 'establishment-1', 3, 'LicenseIssued', '2026-11-03T02:00:01.000Z'),
    event('tax', 'tax-record-1', 1, 'TaxRecordOpened', '2026-11-03T02:00:05.000Z'),
  ];

  it('rebuilds every stream of the case from its events up to the instant', () => {
    expect(caseStateAt(events, new Date('2026-11-02T12:00:00Z'))).toMatchObject({
      at: '2026-11-02T12:00:00.000Z',
      eventCount: 2,
      eventsWithoutData: 2,
      streams: [
        expect.objectContaining({ streamId: 'establishment-1', version: 1, lastEventType: 'ApplicationSubmitted' }),
        expect.objectContaining({ streamId: 'task-1', version: 1, lastEventType: 'TaskCreated' }),
      ],
    });
    expect(caseStateAt(events, new Date('2026-11-01T00:00:00Z')).streams).toEqual([]);
    expect(caseStateAt(events, new Date('2026-11-04T00:00:00Z')).streams).toHaveLength(3);
  });

  it('diffs two instants: the events between and the streams that moved', () => {
    const diff = caseDiff(events, new Date('2026-11-02T12:00:00Z'), new Date('2026-11-03T03:00:00Z'));
    expect(diff.events.map((e) => e.type)).toEqual(['ApplicationApproved', 'LicenseIssued', 'TaxRecordOpened']);
    expect(diff.streams).toEqual([
      { service: 'registration', streamId: 'establishment-1', fromVersion: 1, toVersion: 3 },
      { service: 'tax', streamId: 'tax-record-1', fromVersion: 0, toVersion: 1 },
    ]);
  });
});

describe('the time machine over event data', () => {
  const caseId = 'case-7';
  const at = (hour: number) => `2026-11-02T${String(hour).padStart(2, '0')}:00:00.000Z`;
  const withData = (
    service: string,
    streamId: string,
    version: number,
    type: string,
    hour: number,
    data: Record<string, unknown>,
  ) => ({ ...event(service, streamId, version, type, at(hour)), data });
  const officer = { id: 'officer-1', role: 'registration-officer', department: 'market-regulation' };
  const task = (version: number, hour: number, fact: Record<string, unknown>) =>
    withData(
      'tasks',
      'task-1',
      version,
      `Task${String(fact.type).charAt(0).toUpperCase()}${String(fact.type).slice(1)}`,
      hour,
      {
        taskId: 'task-1',
        caseId,
        kind: 'registration-review',
        workflow: { workflowId: 'establishment-case-7', runId: 'r' },
        event: { sequence: version, at: at(hour), ...fact },
      },
    );
  const events = [
    withData('registration', 'establishment-7', 1, 'ApplicationSubmitted', 1, {
      caseId,
      applicant: { id: 'registrant1', role: 'registrant' },
      submittedAt: at(1),
      application: {
        name: { division: '北京', tradeName: '星河', industry: '科技', organizationForm: '有限公司' },
        entityType: 'limited-company',
        domicile: '北京市海淀区',
        legalRepresentative: { name: '张三', idNumber: '110101********1234' },
      },
    }),
    task(1, 1, {
      type: 'opened',
      candidateGroup: { role: 'registration-officer', department: 'market-regulation' },
      dueAt: '2026-11-05T09:00:00.000Z',
    }),
    task(2, 2, { type: 'claimed', actor: officer }),
    task(3, 3, { type: 'decided', actor: officer, outcome: 'approved' }),
    withData('registration', 'establishment-7', 2, 'LicenseIssued', 3, {
      caseId,
      creditCode: '91110108MA01ABCD1X',
      enterpriseName: '北京星河科技有限公司',
      registrantId: 'registrant1',
      issuedAt: at(3),
      businessScope: ['软件开发'],
    }),
    withData('tax', 'tax-record-7', 1, 'TaxRecordOpened', 4, {
      caseId,
      taxpayerId: '91110108MA01ABCD1X',
      enterpriseName: '北京星河科技有限公司',
      openedAt: at(4),
    }),
  ];

  it('folds each aggregate, each task and the read-model rows as of the instant', () => {
    const early = caseStateAt(events, new Date(at(1)), caseId);
    expect(early.eventsWithoutData).toBe(0);
    expect(early.aggregates).toEqual([
      expect.objectContaining({
        kind: 'establishment-case',
        status: 'submitted',
        fields: expect.objectContaining({
          enterpriseName: '北京星河科技有限公司',
          legalRepresentative: { name: '张三', idNumber: '110101********1234' },
        }),
      }),
    ]);
    expect(early.tasks).toEqual([
      expect.objectContaining({ taskId: 'task-1', status: 'open', assignee: null, dueAt: '2026-11-05T09:00:00.000Z' }),
    ]);
    expect(early.readModels).toEqual([
      expect.objectContaining({
        readModel: 'task-inbox',
        key: 'task-1',
        row: expect.objectContaining({ status: 'open' }),
      }),
    ]);

    const claimed = caseStateAt(events, new Date(at(2)), caseId);
    expect(claimed.tasks[0]).toMatchObject({ status: 'claimed', assignee: { id: 'officer-1' } });
    expect(claimed.readModels[0]?.row).toMatchObject({ assignee_id: 'officer-1', assigned_at_sequence: 2 });

    const done = caseStateAt(events, new Date(at(5)), caseId);
    expect(done.aggregates.map((a) => [a.kind, a.status])).toEqual([
      ['establishment-case', 'licensed'],
      ['tax-record', 'open'],
    ]);
    expect(done.aggregates[0]?.fields).toMatchObject({
      creditCode: '91110108MA01ABCD1X',
      decision: { outcome: 'approved' },
    });
    expect(done.tasks[0]).toMatchObject({ status: 'decided', outcome: 'approved', decidedBy: { id: 'officer-1' } });
    expect(done.readModels.map((r) => [r.readModel, r.key])).toEqual([
      ['task-inbox', 'task-1'],
      ['enterprise-directory', '91110108MA01ABCD1X'],
      ['tax-record', '91110108MA01ABCD1X/record'],
    ]);
  });

  it('diffs per aggregate, task and row: the fields before and after', () => {
    const diff = caseDiff(events, new Date(at(1)), new Date(at(3)), caseId);
    const registration = diff.changes.find((c) => c.id === 'registration/establishment-7');
    expect(registration?.fields).toEqual(
      expect.arrayContaining([
        { field: 'status', before: 'submitted', after: 'licensed' },
        { field: 'creditCode', before: null, after: '91110108MA01ABCD1X' },
      ]),
    );
    expect(diff.changes.find((c) => c.scope === 'task')?.fields).toEqual(
      expect.arrayContaining([
        { field: 'status', before: 'open', after: 'decided' },
        { field: 'assignee.id', before: null, after: 'officer-1' },
      ]),
    );
    expect(diff.changes.find((c) => c.id === 'task-inbox/task-1')?.fields).toEqual(
      expect.arrayContaining([{ field: 'outcome', before: null, after: 'approved' }]),
    );
    expect(caseDiff(events, new Date(at(4)), new Date(at(5)), caseId).changes).toEqual([]);
  });

  it('counts the events recorded before the trail kept data, and still lists their streams', () => {
    const old = caseStateAt([event('tax', 'tax-record-1', 1, 'TaxRecordOpened', at(1))], new Date(at(2)));
    expect(old).toMatchObject({
      eventsWithoutData: 1,
      streams: [{ streamId: 'tax-record-1' }],
      aggregates: [{ kind: 'tax-record', status: null, eventsWithoutData: 1 }],
      readModels: [],
    });
  });
});
