import { defineSignal } from '@temporalio/workflow';

/** The business key is the case id. */
export const deregistrationWorkflowId = (caseId: string): string => `deregistration-${caseId}`;

/** Tax's answer to the announcement (R3.3), delivered from tax.events by the orchestrator's consumer. */
export interface TaxAnswer {
  verdict: 'no-objection' | 'objection';
  /** The objection's reason (the matters still pending); absent for no objection. */
  reason?: string;
  /** The tax event this answer is, so a redelivery is recognised. */
  eventId: string;
  at: string;
}

/** Safe to repeat: the workflow keeps the first answer. */
export const taxAnswerSignal = defineSignal<[TaxAnswer]>('taxAnswer');
