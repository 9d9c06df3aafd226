import topicList from './topics.json';
import { Topic, topicPartitions } from './topics';

describe('Topic', () => {
  it('lists exactly the topics that infra creates, each with partitions', () => {
    expect(topicList.map((t) => t.name).sort()).toEqual(Object.values(Topic).sort());
    for (const topic of Object.values(Topic)) expect(topicPartitions[topic]).toBeGreaterThan(0);
  });
});
