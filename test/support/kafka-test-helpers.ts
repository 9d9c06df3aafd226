import type { Kafka, KafkaMessage } from 'kafkajs';
import { uniqueId } from './servers';

/** Creates uniquely named topics (auto-creation is off on the test broker) and returns their names. */
export async function createTopics(kafka: Kafka, prefix: string, count: number, partitions = 3): Promise<string[]> {
  const names = Array.from({ length: count }, () => uniqueId(prefix));
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({
      topics: names.map((topic) => ({ topic, numPartitions: partitions })),
      waitForLeaders: true,
    });
  } finally {
    await admin.disconnect();
  }
  return names;
}

/** How many messages a topic holds: the sum of its partitions' high watermarks. */
export async function messageCount(kafka: Kafka, topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, partition) => sum + Number(partition.high), 0);
  } finally {
    await admin.disconnect();
  }
}

export interface Collected {
  messages: (KafkaMessage & { partition: number })[];
  stop(): Promise<void>;
}

/** Reads a topic from the beginning in a fresh consumer group, collecting every message as it arrives. */
export async function collectMessages(kafka: Kafka, topic: string): Promise<Collected> {
  const consumer = kafka.consumer({ groupId: uniqueId('collector'), maxWaitTimeInMs: 100 });
  const messages: Collected['messages'] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: ({ message, partition }) => {
      messages.push({ ...message, partition });
      return Promise.resolve();
    },
  });
  return { messages, stop: () => consumer.disconnect() };
}
