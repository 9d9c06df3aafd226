export { Topic, topicPartitions } from './topics';
export { TaskQueue } from './task-queues';
export { roles, departments, type Actor, type Department, type Role } from './actors';
export { WorkflowFailureType, workflowFailureHttpStatus, isWorkflowFailureType } from './failures';
export { CaseSearchAttribute, CaseKind } from './search-attributes';
export * from './tasks/task.types';
export * from './tasks/task-activities';
export * from './registration/establishment-application';
export * from './registration/registration-activities';
