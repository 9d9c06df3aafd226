import {
  type Kafka,
  type Message,
  type PartitionMetadata,
  Partitioners,
  type Producer,
  type ProducerBatch,
  type RecordMetadata,
} from 'kafkajs';

/**
 * kafkajs 2.2.4 can resolve a send whose messages never reached Kafka when a partition's leader moves during a send
 * that spans brokers (tulios/kafkajs#1303, open; fix proposed in #1798): its retry keeps the answers of the brokers
 * that already replied, so a partition whose new leader is one of them is not sent again. Measured on the 3-broker
 * cluster (test/kafka-cluster.cluster-spec.ts): 7 of 13,430 acknowledged messages missing after three broker kills.
 * Here each send carries one partition's messages, so a retry has no other broker's answer to keep. The partition is
 * chosen as kafkajs would (the Java client's murmur2 on the key), from the topic's partitions, read once.
 */
export function onePartitionPerRequest(kafka: Kafka, producer: Producer): Producer {
  const partitioner = Partitioners.DefaultPartitioner();
  const partitionsOf = new Map<string, Promise<PartitionMetadata[]>>();

  const metadataOf = (topic: string): Promise<PartitionMetadata[]> => {
    let known = partitionsOf.get(topic);
    if (!known) {
      known = readPartitions(kafka, topic);
      known.catch(() => partitionsOf.delete(topic)); // asked again on the next send
      partitionsOf.set(topic, known);
    }
    return known;
  };

  async function sendBatch({ topicMessages = [], ...options }: ProducerBatch): Promise<RecordMetadata[]> {
    const results: RecordMetadata[] = [];
    for (const { topic, messages } of topicMessages) {
      const partitionMetadata = await metadataOf(topic);
      const byPartition = new Map<number, Message[]>();
      for (const message of messages) {
        const partition = message.partition ?? partitioner({ topic, partitionMetadata, message });
        const group = byPartition.get(partition) ?? [];
        group.push({ ...message, partition });
        byPartition.set(partition, group);
      }
      // One after another: a partition's order never depends on another's retries.
      for (const group of byPartition.values()) {
        results.push(...(await producer.send({ ...options, topic, messages: group })));
      }
    }
    return results;
  }

  return {
    ...producer,
    send: ({ topic, messages, ...options }) => sendBatch({ ...options, topicMessages: [{ topic, messages }] }),
    sendBatch,
  };
}

async function readPartitions(kafka: Kafka, topic: string): Promise<PartitionMetadata[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
    const partitions = topics[0]?.partitions ?? [];
    if (partitions.length === 0) throw new Error(`topic ${topic} has no partitions`);
    return [...partitions].sort((a, b) => a.partitionId - b.partitionId);
  } finally {
    await admin.disconnect();
  }
}
