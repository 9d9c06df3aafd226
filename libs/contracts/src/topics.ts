import topicList from './topics.json';

/** Every Kafka topic, versioned by name; infra/ creates them from topics.json with these partition counts. */
export enum Topic {
  RegistrationEvents = 'registration.events',
  TaxEvents = 'tax.events',
  ScienceCommissionEvents = 'science-commission.events',
  TaskEvents = 'tasks.events',
  PermitEvents = 'permits.events',
  DeadLetter = 'dead-letter',
  /** Each service's signed audit-log checkpoints, keyed by the log's origin; kept forever. */
  AuditCheckpoints = 'audit.checkpoints',
}

export const topicPartitions: Readonly<Record<Topic, number>> = Object.fromEntries(
  topicList.map((t) => [t.name, t.partitions]),
) as Record<Topic, number>;
