import type { Kafka } from 'kafkajs';
import { fromKafkaMessage } from '@govflow/messaging';
import { uniqueId } from '../support/servers';

export type Offsets = Map<string, { partition: number; offset: string }[]>;

/** Each topic's current end offsets, per partition: where a run's own messages begin. */
export async function topicEnds(kafka: Kafka, topics: string[]): Promise<Offsets> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends: Offsets = new Map();
    for (const topic of topics) {
      const offsets = await admin.fetchTopicOffsets(topic);
      ends.set(
        topic,
        offsets.map(({ partition, high }) => ({ partition, offset: high })),
      );
    }
    return ends;
  } finally {
    await admin.disconnect();
  }
}

/** The event ids of every envelope published on the topics between `starts` and their current ends. */
export async function eventIdsSince(kafka: Kafka, starts: Offsets, timeoutMs = 120_000): Promise<Set<string>> {
  const topics = [...starts.keys()];
  const ends = await topicEnds(kafka, topics);
  const pending = new Map<string, number>();
  for (const [topic, partitions] of ends) {
    for (const { partition, offset } of partitions) {
      const start = Number(starts.get(topic)?.find((p) => p.partition === partition)?.offset ?? 0);
      if (Number(offset) > start) pending.set(`${topic}/${partition}`, Number(offset) - 1);
    }
  }
  const ids = new Set<string>();
  if (pending.size === 0) return ids;
  const groupId = uniqueId('fault-audit');
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (const [topic, partitions] of starts) await admin.setOffsets({ groupId, topic, partitions });
  } finally {
    await admin.disconnect();
  }
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 200 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics });
    const caughtUp = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Kafka not read to its end in ${timeoutMs} ms`)), timeoutMs);
      void consumer.run({
        eachMessage: ({ topic, partition, message }) => {
          try {
            ids.add(fromKafkaMessage(message).eventId);
          } catch {
            // not an envelope
          }
          const key = `${topic}/${partition}`;
          if (Number(message.offset) >= (pending.get(key) ?? Infinity)) pending.delete(key);
          if (pending.size === 0) {
            clearTimeout(timer);
            resolve();
          }
          return Promise.resolve();
        },
      });
    });
    await caughtUp;
    return ids;
  } finally {
    await consumer.disconnect();
  }
}
