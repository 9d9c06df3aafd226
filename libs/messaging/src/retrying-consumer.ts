import { Logger } from '@nestjs/common';
import type { Batch, EachBatchPayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { Topic } from '@govflow/contracts';
import { backoffDelayMs, defaultRetryPolicy, type RetryPolicy } from './backoff';
import { toDeadLetterMessage } from './dead-letter';
import { createEventProducer } from './event-producer';

export interface MessageContext {
  topic: string;
  partition: number;
}

export interface RetryingConsumerOptions {
  groupId: string;
  topics: Topic[];
  handle: (message: KafkaMessage, context: MessageContext) => Promise<void>;
  /**
   * Handles a whole fetched batch at once (e.g. in one transaction). If it throws, the batch is handled again
   * message by message with `handle`, with retries and dead-lettering, so it must leave no effect when it fails.
   */
  handleBatch?: (messages: KafkaMessage[], context: MessageContext) => Promise<void>;
  retry?: Partial<RetryPolicy>;
  deadLetterTopic?: Topic;
  fromBeginning?: boolean;
  partitionsConsumedConcurrently?: number;
}

export interface RunningConsumer {
  stop(): Promise<void>;
}

/**
 * Consumes with bounded retries: a message that still fails after the last attempt goes to the dead-letter
 * topic with its error, and its partition moves on. While a message is retried its partition waits, so one
 * stream's events are never handled out of order.
 */
export async function startRetryingConsumer(kafka: Kafka, options: RetryingConsumerOptions): Promise<RunningConsumer> {
  const policy = { ...defaultRetryPolicy, ...options.retry };
  const logger = new Logger(`Consumer ${options.groupId}`);
  const consumer = kafka.consumer({ groupId: options.groupId, maxWaitTimeInMs: 100 });
  const producer = createEventProducer(kafka);
  let stopping = false;

  await Promise.all([consumer.connect(), producer.connect()]);
  await consumer.subscribe({ topics: options.topics, fromBeginning: options.fromBeginning ?? false });
  await consumer.run({
    partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? 1,
    eachBatchAutoResolve: false,
    eachBatch: async (payload) => {
      const context = { topic: payload.batch.topic, partition: payload.batch.partition };
      if (await handledAsBatch(payload, options, context, logger)) return;
      for (const message of payload.batch.messages) {
        if (!payload.isRunning() || payload.isStale()) return;
        const outcome = await handleWithRetries(message, context, payload, options, policy, () => stopping);
        if (outcome !== 'handled') {
          logger.error(`dead-lettering ${describe(payload.batch, message)}: ${String(outcome.error)}`);
          await sendToDeadLetter(producer, payload.batch, message, options, outcome);
        }
        payload.resolveOffset(message.offset);
        await payload.heartbeat();
      }
    },
  });

  return {
    async stop() {
      stopping = true;
      await consumer.disconnect();
      await producer.disconnect();
    },
  };
}

async function handledAsBatch(
  payload: EachBatchPayload,
  options: RetryingConsumerOptions,
  context: MessageContext,
  logger: Logger,
): Promise<boolean> {
  const { batch } = payload;
  if (!options.handleBatch || batch.messages.length < 2) return false;
  try {
    await options.handleBatch(batch.messages, context);
  } catch (error) {
    logger.warn(`batch of ${batch.messages.length} failed, handling one by one: ${String(error)}`);
    return false;
  }
  payload.resolveOffset(batch.lastOffset());
  await payload.heartbeat();
  return true;
}

type Outcome = 'handled' | { error: unknown; attempts: number };

async function handleWithRetries(
  message: KafkaMessage,
  context: MessageContext,
  payload: EachBatchPayload,
  options: RetryingConsumerOptions,
  policy: RetryPolicy,
  isStopping: () => boolean,
): Promise<Outcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      await options.handle(message, context);
      return 'handled';
    } catch (error) {
      if (attempt >= policy.attempts) return { error, attempts: attempt };
      // Throwing leaves the offset uncommitted: whoever consumes the partition next starts with this message.
      if (isStopping()) throw error;
      await sleep(backoffDelayMs(policy, attempt));
      await payload.heartbeat();
    }
  }
}

async function sendToDeadLetter(
  producer: Producer,
  batch: Batch,
  message: KafkaMessage,
  options: RetryingConsumerOptions,
  outcome: { error: unknown; attempts: number },
): Promise<void> {
  const source = {
    topic: batch.topic,
    partition: batch.partition,
    groupId: options.groupId,
    attempts: outcome.attempts,
  };
  await producer.send({
    topic: options.deadLetterTopic ?? Topic.DeadLetter,
    acks: -1,
    messages: [toDeadLetterMessage(message, source, outcome.error)],
  });
}

const describe = (batch: Batch, message: KafkaMessage) => `${batch.topic}[${batch.partition}]@${message.offset}`;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
