import type { IHeaders, KafkaMessage, Message } from 'kafkajs';

export const DeadLetterHeader = {
  Topic: 'dead-letter-topic',
  Partition: 'dead-letter-partition',
  Offset: 'dead-letter-offset',
  ConsumerGroup: 'dead-letter-consumer-group',
  Attempts: 'dead-letter-attempts',
  Error: 'dead-letter-error',
} as const;

export interface DeadLetterSource {
  topic: string;
  partition: number;
  groupId: string;
  attempts: number;
}

/** The original key, value and headers, plus where the message came from and why it failed. */
export function toDeadLetterMessage(message: KafkaMessage, source: DeadLetterSource, error: unknown): Message {
  const headers: IHeaders = {
    ...message.headers,
    [DeadLetterHeader.Topic]: source.topic,
    [DeadLetterHeader.Partition]: String(source.partition),
    [DeadLetterHeader.Offset]: message.offset,
    [DeadLetterHeader.ConsumerGroup]: source.groupId,
    [DeadLetterHeader.Attempts]: String(source.attempts),
    [DeadLetterHeader.Error]: describeError(error),
  };
  return { key: message.key, value: message.value, headers };
}

function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 2000);
}
