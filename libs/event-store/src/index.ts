export { migrate } from './schema/migrate';
export { EventStore, type EventStoreOptions, type ReadStreamOptions } from './store/event-store';
export type { AppendResult, ExpectedVersion, NewEvent, StoredEvent } from './store/event-types';
export { ConcurrencyError } from './store/concurrency-error';
export { START_POSITION } from './store/position';
export type { IntegrityProblem, IntegrityReport } from './integrity/verify-chain';
export type { Upcaster } from './upcasting/upcaster-chain';
export { afterCommit, inTransaction } from './transactions/unit-of-work';
export { AggregateRepository } from './aggregates/aggregate-repository';
export type { AggregateDefinition, EventClass, PointInTime, SnapshotPolicy } from './aggregates/aggregate-definition';
export { OutboxRelay, type OutboxRelayOptions } from './outbox/outbox-relay';
export { type InboxConsumerOptions, startInboxConsumer } from './inbox/inbox-consumer';
export type { Projection } from './projections/projection';
export { ProjectionRunner, type ProjectionRunnerOptions } from './projections/projection-runner';
export { rebuildProjection, type RebuildResult } from './projections/rebuild-projection';
export { startKafkaProjection } from './projections/kafka-projection';
export { AuditIntegrator, type AuditIntegratorOptions, type SignedCheckpoint } from './audit/audit-integrator';
export {
  CheckpointError,
  generateSigningKey,
  openCheckpoint,
  parseVerifierKey,
  signCheckpoint,
  verifierKey,
  type Checkpoint,
  type NoteSigner,
} from './audit/checkpoint-note';
export { latestCheckpoint, type StoredCheckpoint } from './audit/checkpoint-store';
export { verifyLog, type AuditProblem, type AuditProblemKind, type AuditVerification } from './audit/verify-log';
export { ProofError, verifyConsistency, verifyInclusion } from './merkle/verify-proofs';
export { jcs } from './merkle/jcs';
export { laterCheckpointFor, receiptFor, type ReceiptAnswer } from './audit/receipt-store';
export { ReceiptError, verifyReceipt, type AuditReceipt, type ReceiptVerdict } from './audit/receipt';
export type { EventLeaf } from './audit/audit-leaf';
