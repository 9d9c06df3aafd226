export { createKafka } from './kafka';
export {
  type Actor,
  assertEventMetadata,
  EnvelopeHeader,
  type EventData,
  type EventMetadata,
  fromKafkaMessage,
  type RecordedEvent,
  toKafkaMessage,
} from './event-envelope';
export { createEventProducer } from './event-producer';
export { backoffDelayMs, defaultRetryPolicy, type RetryPolicy } from './backoff';
export { DeadLetterHeader } from './dead-letter';
export {
  type MessageContext,
  type RetryingConsumerOptions,
  type RunningConsumer,
  startRetryingConsumer,
} from './retrying-consumer';
