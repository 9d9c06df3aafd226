import type { Kafka } from 'kafkajs';
import { fromKafkaMessage, type RecordedEvent } from '@govflow/messaging';
import { uniqueId } from './servers';

export interface Tail {
  /** The matching envelopes in arrival order. */
  events: RecordedEvent[];
  stop(): Promise<void>;
}

/**
 * Follows a shared topic (registration.events, tax.events) from its current end in a fresh consumer group,
 * keeping the envelopes that match: tests see their own events without reading the topic's whole history.
 */
export async function tailTopic(
  kafka: Kafka,
  topic: string,
  matches: (event: RecordedEvent) => boolean,
): Promise<Tail> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic).finally(() => admin.disconnect());
  const consumer = kafka.consumer({ groupId: uniqueId('tail'), maxWaitTimeInMs: 100 });
  const events: RecordedEvent[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic });
  await consumer.run({
    eachMessage: ({ message }) => {
      try {
        const event = fromKafkaMessage(message);
        if (matches(event)) events.push(event);
      } catch {
        // Not an envelope: some other test's poison message on the shared topic.
      }
      return Promise.resolve();
    },
  });
  // Seeks made after run() apply before the first fetch: nothing published from now on is skipped.
  for (const { partition, high } of ends) consumer.seek({ topic, partition, offset: high });
  return { events, stop: () => consumer.disconnect() };
}

/**
 * Commits a new consumer group's offsets at the topic's current end, so a service started with that group (and
 * `fromBeginning`) handles only what is published from now on, not the shared topic's whole history.
 */
export async function startGroupAtEnd(kafka: Kafka, groupId: string, topic: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    await admin.setOffsets({
      groupId,
      topic,
      partitions: ends.map(({ partition, high }) => ({ partition, offset: high })),
    });
  } finally {
    await admin.disconnect();
  }
}
