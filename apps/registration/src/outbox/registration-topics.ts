import { Topic } from '@govflow/contracts';
import type { StoredEvent } from '@govflow/event-store';
import { taskStreamId } from '../tasks/task-event-id';

const taskStreamPrefix = taskStreamId('');

/** Case and enterprise facts go to registration.events; the officers' task events to tasks.events. */
export const registrationTopicOf = (event: StoredEvent): Topic =>
  event.streamId.startsWith(taskStreamPrefix) ? Topic.TaskEvents : Topic.RegistrationEvents;
