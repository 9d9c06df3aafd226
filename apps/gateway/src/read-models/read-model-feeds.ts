import { Topic } from '@govflow/contracts';
import type { Projection } from '@govflow/event-store';
import { AUDITED_TOPICS, AuditTrailProjection } from '../audit/audit-trail/audit-trail.projection';
import { EnterpriseDirectoryProjection } from '../permits/read-models/enterprise-directory.projection';
import { EnterprisePermitsProjection } from '../permits/read-models/enterprise-permits.projection';
import { ScienceRecordProjection } from '../science/record/science-record.projection';
import { TaxRecordProjection } from '../tax-records/read-model/tax-record.projection';
import { TaskInboxProjection } from '../tasks/task-inbox/task-inbox.projection';

export const readModelNames = [
  'task-inbox',
  'audit-trail',
  'enterprise-directory',
  'enterprise-permits',
  'science-record',
  'tax-record',
] as const;
export type ReadModelName = (typeof readModelNames)[number];

/** One Kafka consumer group feeding one projection from some topics. */
export interface ReadModelFeed {
  readModel: ReadModelName;
  projection: Projection;
  topics: Topic[];
  groupId: string;
}

export const READ_MODEL_FEEDS = Symbol('READ_MODEL_FEEDS');

/**
 * The gateway's read models and the groups that feed them, named after the configured prefix. Departments publish
 * their officers' task events on tasks.events; the audit trail reads every topic.
 */
export const readModelFeeds = (groupPrefix: string): ReadModelFeed[] => [
  {
    readModel: 'task-inbox',
    projection: new TaskInboxProjection(),
    topics: [Topic.TaskEvents],
    groupId: `${groupPrefix}.task-inbox`,
  },
  {
    readModel: 'enterprise-directory',
    projection: new EnterpriseDirectoryProjection(),
    topics: [Topic.RegistrationEvents],
    groupId: `${groupPrefix}.enterprise-directory`,
  },
  {
    readModel: 'enterprise-permits',
    projection: new EnterprisePermitsProjection(),
    topics: [Topic.PermitEvents],
    groupId: `${groupPrefix}.enterprise-permits`,
  },
  {
    readModel: 'science-record',
    projection: new ScienceRecordProjection(),
    topics: [Topic.ScienceCommissionEvents],
    groupId: `${groupPrefix}.science-record`,
  },
  {
    readModel: 'tax-record',
    projection: new TaxRecordProjection(),
    topics: [Topic.TaxEvents],
    groupId: `${groupPrefix}.tax-record`,
  },
  ...AUDITED_TOPICS.map((topic): ReadModelFeed => ({
    readModel: 'audit-trail',
    projection: new AuditTrailProjection(topic),
    topics: [topic],
    groupId: `${groupPrefix}.audit-trail.${topic}`,
  })),
];
