import { type Kafka, Partitioners, type Producer } from 'kafkajs';

/**
 * A producer for events: one request in flight keeps each partition's order through retries; the Java client's
 * partitioner (murmur2 on the key) sends a stream to the same partition from any language. Not idempotent:
 * that needs unlimited retries (a relay could then never give up on a dead broker); consumers dedupe instead.
 */
export function createEventProducer(kafka: Kafka): Producer {
  return kafka.producer({ maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
}
