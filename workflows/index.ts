// Every workflow the orchestrator's worker registers. Deterministic code only (see eslint.config.mjs).
export { probeWorkflow } from './probe/probe.workflow';
export { registrationWorkflow } from './registration/registration.workflow';
export { nameCheckWorkflow, reviewNameChecksWorkflow } from './registration/name-check.workflow';
export { supervisionRecordWorkflow, supervisionReadWorkflow } from './supervision/supervision.workflow';
export { taxPendingMatterWorkflow, taxClearanceWorkflow } from './tax/tax-officer.workflow';
export { deregistrationWorkflow } from './deregistration/deregistration.workflow';
export { grantWorkflow } from './grant/grant.workflow';
export { makerSpaceRecognitionWorkflow } from './maker-space/maker-space.workflow';
export { grantClawbackWorkflow } from './grant/clawback.workflow';
export { permitWorkflow } from './permit/permit.workflow';
export { voucherWorkflow } from './voucher/voucher.workflow';
export { assessmentYearWorkflow, scheduledAssessmentWorkflow } from './assessment/assessment-year.workflow';
export { makerSpaceAssessmentWorkflow } from './assessment/maker-space-assessment.workflow';
