import type { Kafka } from 'kafkajs';
import type { ReadModelFeed } from './read-model-feeds';

const ATTEMPTS = 10;
const RETRY_MS = 500;

/** Moves each feed's group to the earliest offset of its topics; retried while the group still winds down. */
export async function resetToEarliest(kafka: Kafka, feeds: ReadModelFeed[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (const { groupId, topics } of feeds) {
      for (const topic of topics) await withRetries(() => admin.resetOffsets({ groupId, topic, earliest: true }));
    }
  } finally {
    await admin.disconnect();
  }
}

async function withRetries(attempt: () => Promise<void>): Promise<void> {
  for (let failed = 1; ; failed++) {
    try {
      return await attempt();
    } catch (error) {
      if (failed >= ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
}
