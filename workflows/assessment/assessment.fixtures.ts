import type {
  AssessmentActivities,
  AssessmentResultRecord,
  RecognisedMakerSpace,
  RecognitionRevocation,
  TaskEventRecord,
} from '../../libs/contracts/src';
import { uniqueId } from '../../test/support/servers';

/**
 * The science commission's assessment activities in memory for time-skipping tests (the real ones, on PostgreSQL, are
 * tested in apps/science-commission): the history of results counts the failed years in a row the same way.
 */
export function fakeAssessmentService(spaces: RecognisedMakerSpace[] = []) {
  const results: AssessmentResultRecord[] = [];
  const revocations: RecognitionRevocation[] = [];
  const facts: Parameters<AssessmentActivities['recordAssessmentFact']>[0][] = [];
  const activities: AssessmentActivities & { recordTaskEvent(r: TaskEventRecord): Promise<void> } = {
    listRecognisedMakerSpaces: () =>
      Promise.resolve(spaces.filter((s) => !revocations.some((r) => r.caseId === s.caseId))),
    recordAssessmentResult: (record) => {
      if (!results.some((r) => r.caseId === record.caseId && r.year === record.year)) results.push(record);
      const mine = results.filter((r) => r.caseId === record.caseId && r.year <= record.year);
      let consecutiveFails = 0;
      while (mine.some((r) => r.year === record.year - consecutiveFails && r.outcome === 'failed')) consecutiveFails++;
      return Promise.resolve({ consecutiveFails });
    },
    recordAssessmentFact: (fact) => Promise.resolve(void facts.push(fact)),
    revokeRecognition: (revocation) => Promise.resolve(void revocations.push(revocation)),
    recordTaskEvent: () => Promise.resolve(),
  };
  return { activities, results, revocations, facts };
}

export const makerSpace = (ownerId = 'registrant1'): RecognisedMakerSpace => ({
  caseId: uniqueId('maker-space'),
  creditCode: '91110112MA01MAKR1X',
  enterpriseName: '北京通州创客空间有限公司',
  ownerId,
  level: 'municipal',
});
