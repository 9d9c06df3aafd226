import { Logger } from '@nestjs/common';
import { Kafka, logLevel, type KafkaConfig, type logCreator } from 'kafkajs';

// Known and decided (see createEventProducer): said once per producer, it would only be noise in every app's log.
const BOUNDED_IDEMPOTENT_RETRIES = 'Limiting retries for the idempotent producer may invalidate EoS guarantees';

// kafkajs logs JSON with stack traces at ERROR for every refused connection; one line is enough.
const nestLogCreator: logCreator = () => {
  const logger = new Logger('kafkajs');
  return ({ level, log }) => {
    if (log.message === BOUNDED_IDEMPOTENT_RETRIES) return;
    const line = `${log.message}${log.broker ? ` (${String(log.broker)})` : ''}`;
    if (level <= logLevel.ERROR) logger.error(line);
    else if (level === logLevel.WARN) logger.warn(line);
  };
};

export function createKafka(clientId: string, brokers: string[], overrides: Partial<KafkaConfig> = {}): Kafka {
  return new Kafka({
    clientId,
    brokers,
    logLevel: logLevel.WARN,
    logCreator: nestLogCreator,
    connectionTimeout: 3000,
    retry: { initialRetryTime: 100, retries: 8 },
    ...overrides,
  });
}
