import { Controller, Get } from '@nestjs/common';
import { EventStore } from '@govflow/event-store';

/** The answer of GET /integrity: positions as decimal strings, since JSON has no bigint. */
export type IntegrityAnswer =
  | { intact: true; eventsChecked: number }
  | { intact: false; eventsChecked: number; streamId: string; version: number; position: string; problem: string };

/**
 * Recomputes this service's event-store hash chains (every stream) and answers the first break. Internal, like
 * /health: the gateway calls it for administrators (POST /api/admin/integrity); it changes nothing.
 */
@Controller('integrity')
export class IntegrityController {
  constructor(private readonly store: EventStore) {}

  @Get()
  async verify(): Promise<IntegrityAnswer> {
    const report = await this.store.verifyAll();
    if (report.intact) return report;
    return { ...report, position: report.position.toString() };
  }
}
