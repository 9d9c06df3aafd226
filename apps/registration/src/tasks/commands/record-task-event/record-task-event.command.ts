import { Command } from '@nestjs/cqrs';
import type { TaskEventRecord } from '@govflow/contracts';
import type { EventMetadata } from '@govflow/messaging';

export class RecordTaskEvent extends Command<void> {
  constructor(
    readonly record: TaskEventRecord,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
