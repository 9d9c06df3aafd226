export { Topic, topicPartitions } from './topics';
export { TaskQueue } from './task-queues';
