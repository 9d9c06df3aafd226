import { type Kafka, Partitioners, type Producer, type ProducerConfig } from 'kafkajs';
import { onePartitionPerRequest } from './one-partition-per-request';

/** Bounded, so a relay gives up on a dead cluster after about 25 s and tries the batch again later. */
const EVENT_PRODUCER_RETRIES = 8;

/**
 * The project's one producer for events (relays, dead letters, audit checkpoints, tests): every send waits for all
 * in-sync replicas (acks=all, which the idempotent producer requires: a send with other acks throws), and is
 * idempotent, so a retried request the broker already wrote is not written twice. One request in flight keeps each
 * partition's order through retries; the Java client's partitioner (murmur2 on the key) sends a stream to the same
 * partition from any language.
 *
 * Retries are bounded (kafkajs warns that this "may invalidate EoS guarantees"): after a failed request kafkajs
 * rolls its sequence numbers back, so the caller's next send of the same batch on the same producer carries the
 * same numbers and the broker still drops what it already has. A new producer (a restarted relay) gets a new id:
 * delivery stays at least once, and consumers deduplicate by event id. Each request carries one partition's
 * messages: kafkajs loses messages otherwise when a leader moves mid-send (see onePartitionPerRequest).
 */
export function createEventProducer(kafka: Kafka, overrides: Partial<ProducerConfig> = {}): Producer {
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    retry: { retries: EVENT_PRODUCER_RETRIES },
    createPartitioner: Partitioners.DefaultPartitioner,
    ...overrides,
  });
  return onePartitionPerRequest(kafka, producer);
}
