import type { Admin, Consumer, Producer } from 'kafkajs';
import { Topic } from '@govflow/contracts';
import { createEventProducer, createKafka } from '@govflow/messaging';
import { servers, uniqueId } from './support/servers';

describe('Kafka (real broker)', () => {
  const kafka = createKafka(uniqueId('round-trip'), servers.kafkaBrokers);
  let admin: Admin;
  let producer: Producer;
  let consumer: Consumer;

  beforeAll(async () => {
    admin = kafka.admin();
    producer = createEventProducer(kafka);
    await Promise.all([admin.connect(), producer.connect()]);
  });

  afterAll(async () => {
    await Promise.allSettled([admin.disconnect(), producer.disconnect(), consumer?.disconnect()]);
  });

  it('has the project topics with their partitions', async () => {
    const metadata = await admin.fetchTopicMetadata({ topics: [Topic.RegistrationEvents, Topic.DeadLetter] });
    const partitions = Object.fromEntries(metadata.topics.map((t) => [t.name, t.partitions.length]));
    expect(partitions).toEqual({ [Topic.RegistrationEvents]: 3, [Topic.DeadLetter]: 1 });
  });

  it('creates a topic, produces keyed messages and consumes them in order in a consumer group', async () => {
    const topic = uniqueId('round-trip');
    expect(await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true })).toBe(true);
    const sent = ['first', 'second', 'third'].map((value) => ({ key: 'stream-1', value }));
    await producer.send({ topic, messages: sent });

    consumer = kafka.consumer({ groupId: uniqueId('group'), maxWaitTimeInMs: 100 });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const received: string[] = [];
    const done = new Promise<void>((resolve) => {
      void consumer.run({
        eachMessage: async ({ message }) => {
          received.push(message.value!.toString());
          if (received.length === sent.length) resolve();
          return Promise.resolve();
        },
      });
    });
    await done;
    await consumer.disconnect();

    expect(received).toEqual(['first', 'second', 'third']);
  });
});
