import type { TaskEventRecord } from '@govflow/contracts';
import { taskEventMetadata, workflowActor } from './task-event-metadata';

const officer = { id: 'officer-li', role: 'registration-officer' as const, department: 'market-regulation' as const };
const record = (event: TaskEventRecord['event']): TaskEventRecord => ({
  eventId: 'case-1:review:1#2',
  taskId: 'case-1:review:1',
  caseId: 'case-1',
  kind: 'registration-review',
  event,
  workflow: { workflowId: 'registration-case-1', runId: 'run-1' },
});

describe(taskEventMetadata.name, () => {
  it('names the officer and their reason for a decision, the case and the record', () => {
    const decided = record({
      type: 'decided',
      sequence: 2,
      at: '2025-03-01T08:00:00Z',
      actor: officer,
      outcome: 'reject',
      reason: 'no lease',
    });
    expect(taskEventMetadata(decided)).toEqual({
      actor: officer,
      reason: 'no lease',
      correlationId: 'case-1',
      causationId: 'case-1:review:1#2',
    });
  });

  it('names the workflow for what nobody did, and gives no reason', () => {
    const candidateGroup = { role: 'registration-officer' as const, department: 'market-regulation' as const };
    const opened = record({
      type: 'opened',
      sequence: 1,
      at: '2025-03-01T08:00:00Z',
      candidateGroup,
      dueAt: '2025-03-04T08:00:00Z',
    });
    expect(taskEventMetadata(opened)).toEqual({
      actor: workflowActor,
      correlationId: 'case-1',
      causationId: 'case-1:review:1#2',
    });
  });
});
