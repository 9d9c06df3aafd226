import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { taskEventType } from '@govflow/contracts';
import { EventStore } from '@govflow/event-store';
import { instant } from '../../../shared/instant';
import { taskEventId, taskStreamId } from '../../task-event-id';
import { RecordTaskEvent } from './record-task-event.command';

const UNIQUE_VIOLATION = '23505';
// How the event store reports an event id it already holds: the unique index of event_store.events on event_id.
const EVENT_ID_TAKEN = 'events_event_id_key';

/**
 * Stores one event of a human task's audit trail. Its id derives from the record's id, so a retried activity finds
 * its event already stored and succeeds without storing it again. The workflow numbers the events, but a recording
 * that failed for good leaves a gap in the numbers, so the stream is appended at any version.
 */
@CommandHandler(RecordTaskEvent)
export class RecordTaskEventHandler implements ICommandHandler<RecordTaskEvent> {
  constructor(@Inject(EventStore) private readonly store: EventStore) {}

  async execute({ record, metadata }: RecordTaskEvent): Promise<void> {
    const event = {
      eventId: taskEventId(record.eventId),
      type: taskEventType(record.event.type),
      data: { ...record },
      metadata,
      occurredAt: instant(record.event.at, 'event.at'),
    };
    try {
      await this.store.append(taskStreamId(record.taskId), 'any', [event]);
    } catch (error) {
      if (!isEventIdTaken(error)) throw error;
    }
  }
}

function isEventIdTaken(error: unknown): boolean {
  const { code, constraint } = (error ?? {}) as { code?: unknown; constraint?: unknown };
  return code === UNIQUE_VIOLATION && constraint === EVENT_ID_TAKEN;
}
