import { Inject, Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { MakerSpaceRecognitionEndedV1 } from '@govflow/contracts';
import { EventStore } from '@govflow/event-store';
import type { RecordedEvent } from '@govflow/messaging';
import { firstDayOfNextChinaMonth } from '@govflow/policy';
import { makerSpaceStreamId, stableEventId } from '../activities/stable-event-id';
import { MakerSpaces } from './maker-spaces';

const scienceCommission = { id: 'science-commission', role: 'system', department: 'science-commission' };

/**
 * A deregistered enterprise is no longer a maker space: each live recognition of it ends, published as
 * MakerSpaceRecognitionEnded (tax ends the exemption from it). Runs in the inbox transaction of EnterpriseDeregistered.
 */
@Injectable()
export class EndRecognitionWhenDeregistered {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    private readonly makerSpaces: MakerSpaces,
  ) {}

  async handle(db: PoolClient, event: RecordedEvent, ended: { creditCode: string; caseId: string; at: Date }) {
    for (const caseId of await this.makerSpaces.liveOf(db, ended.creditCode)) {
      if (!(await this.makerSpaces.end(db, caseId, 'enterprise-deregistered', ended.at))) continue;
      const data: MakerSpaceRecognitionEndedV1 = {
        caseId,
        creditCode: ended.creditCode,
        endedAt: ended.at.toISOString(),
        because: 'enterprise-deregistered',
        deregistrationCaseId: ended.caseId,
        exemptionEndsOn: firstDayOfNextChinaMonth(ended.at),
      };
      await this.store.append(makerSpaceStreamId(caseId), 'any', [
        {
          eventId: stableEventId(`${caseId}:recognition-ended:${event.eventId}`),
          type: 'MakerSpaceRecognitionEnded',
          data: { ...data },
          metadata: {
            actor: scienceCommission,
            reason: '企业已注销登记，众创空间认定终止',
            correlationId: caseId,
            causationId: event.eventId,
          },
          occurredAt: ended.at,
        },
      ]);
    }
  }
}
