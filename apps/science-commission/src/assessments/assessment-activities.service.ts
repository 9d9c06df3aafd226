import { Inject, Injectable } from '@nestjs/common';
import type { AssessmentActivities, AssessmentResultRecord, RecognitionRevocation } from '@govflow/contracts';
import { EventStore } from '@govflow/event-store';
import { makerSpaceStreamId, stableEventId } from '../activities/stable-event-id';
import { withWorkflow } from '../activities/with-workflow';
import { MakerSpaces } from './maker-spaces';

/** The yearly assessment's activities (R4.4): history and revocation commit with their events. */
@Injectable()
export class AssessmentActivitiesService {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    private readonly makerSpaces: MakerSpaces,
  ) {}

  activities(): AssessmentActivities {
    return {
      listRecognisedMakerSpaces: ({ asOf }) => this.makerSpaces.recognised(new Date(asOf)),
      recordAssessmentResult: (record) => this.recordResult(record),
      recordAssessmentFact: async ({ idempotencyKey, caseId, type, actor, reason, at, data }) => {
        await this.store.transaction(async () => {
          const stored = await this.store.readStream(makerSpaceStreamId(caseId));
          if (stored.some((event) => event.eventId === stableEventId(idempotencyKey))) return;
          await this.store.append(makerSpaceStreamId(caseId), 'any', [
            {
              eventId: stableEventId(idempotencyKey),
              type,
              data: { caseId, ...data },
              metadata: withWorkflow({ actor, reason, correlationId: caseId, causationId: idempotencyKey }),
              occurredAt: new Date(at),
            },
          ]);
        });
      },
      revokeRecognition: (revocation) => this.revoke(revocation),
    };
  }

  private recordResult(record: AssessmentResultRecord): Promise<{ consecutiveFails: number }> {
    const { idempotencyKey, caseId, year, outcome, failure, policyVersion, at, data } = record;
    return this.store.transaction(async (db) => {
      const result = await this.makerSpaces.recordResult(db, {
        caseId,
        year,
        outcome,
        policyVersion,
        at: new Date(at),
      });
      if (result.inserted) {
        await this.store.append(makerSpaceStreamId(caseId), 'any', [
          {
            eventId: stableEventId(idempotencyKey),
            type: outcome === 'passed' ? 'MakerSpaceAssessmentPassed' : 'MakerSpaceAssessmentFailed',
            data: { caseId, year, outcome, ...(failure && { failure }), policyVersion, ...data },
            metadata: withWorkflow({
              actor: assessmentRule,
              reason: outcome === 'passed' ? `${year}年度考核合格` : `${year}年度考核不合格，予以警告并指导`,
              correlationId: caseId,
              causationId: idempotencyKey,
            }),
            occurredAt: new Date(at),
          },
        ]);
      }
      return { consecutiveFails: result.consecutiveFails };
    });
  }

  private async revoke(revocation: RecognitionRevocation): Promise<void> {
    const { idempotencyKey, caseId, year, consecutiveFails, exemptionEndsOn, reason, at } = revocation;
    await this.store.transaction(async (db) => {
      const ended = await this.makerSpaces.end(db, caseId, 'revoked', new Date(at));
      if (!ended) return;
      await this.store.append(makerSpaceStreamId(caseId), 'any', [
        {
          eventId: stableEventId(idempotencyKey),
          type: 'MakerSpaceRecognitionRevoked',
          data: {
            caseId,
            creditCode: ended.creditCode,
            enterpriseName: ended.enterpriseName,
            year,
            consecutiveFails,
            revokedAt: at,
            exemptionEndsOn,
          },
          metadata: withWorkflow({ actor: assessmentRule, reason, correlationId: caseId, causationId: idempotencyKey }),
          occurredAt: new Date(at),
        },
      ]);
    });
  }
}

/** The assessment's result follows from the policy's thresholds, not from a person. */
const assessmentRule = { id: 'maker-space-assessment', role: 'system' } as const;
