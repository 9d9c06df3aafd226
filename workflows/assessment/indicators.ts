import { ApplicationFailure } from '@temporalio/workflow';
import { WorkflowFailureType } from '../../libs/contracts/src/failures';
import {
  assessmentIndicatorLabels,
  type AssessmentIndicator,
  type AssessmentIndicators,
} from '../../libs/policy/src/maker-space/assessment-policy';

/** Every indicator a whole number, zero or more (funds in fen); else a MalformedRequest naming the first wrong one. */
export function checkIndicators(indicators: AssessmentIndicators): void {
  for (const indicator of Object.keys(assessmentIndicatorLabels) as AssessmentIndicator[]) {
    const value = (indicators as unknown as Record<string, unknown> | undefined)?.[indicator];
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      throw ApplicationFailure.create({
        type: WorkflowFailureType.MalformedRequest,
        message: `indicators.${indicator}: ${assessmentIndicatorLabels[indicator]}须为非负整数`,
        nonRetryable: true,
      });
    }
  }
}
