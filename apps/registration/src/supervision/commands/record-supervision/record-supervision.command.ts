import type { EventMetadata } from '@govflow/messaging';
import type { SupervisionDecision } from '../../domain/supervision-record.aggregate';

export class RecordSupervision {
  constructor(
    readonly creditCode: string,
    readonly decision: SupervisionDecision,
    readonly metadata: EventMetadata,
  ) {}
}
