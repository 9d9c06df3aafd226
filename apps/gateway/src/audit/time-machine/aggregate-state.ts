import { permitStatusAfter } from '../../permits/read-models/enterprise-permits.projection';
import { TASK_EVENT_TYPES, taskEventRecord } from '../../tasks/task-inbox/task-event-record';
import type { AuditedEventWithData } from '../audit-trail/audit-trail.store';

type Fields = Record<string, unknown>;

/** One aggregate a case touches (an establishment case, a tax record, a permit case …), as its events leave it. */
export interface AggregateState {
  service: string;
  streamId: string;
  kind: string;
  version: number;
  status: string | null;
  fields: Fields;
  /** Events of this aggregate recorded before the audit trail kept event data: the state may lack their fields. */
  eventsWithoutData: number;
}

/** A human task of the case: who may claim it, who holds it, its deadline and its decision. */
export interface TaskState {
  service: string;
  taskId: string;
  streamId: string;
  kind: string | null;
  version: number;
  status: 'open' | 'claimed' | 'decided' | 'lapsed' | null;
  candidateGroup: { role: string; department: string } | null;
  assignee: { id: string; role: string; department: string | null } | null;
  escalated: boolean;
  escalatedTo: { role: string; department: string } | null;
  dueAt: string | null;
  legalDueAt: string | null;
  outcome: string | null;
  decidedBy: { id: string; role: string; department: string | null } | null;
  decidedAt: string | null;
  reason: string | null;
  eventsWithoutData: number;
}

export const isTaskEvent = (event: Pick<AuditedEventWithData, 'type'>) => TASK_EVENT_TYPES.has(event.type);

const ESTABLISHMENT_EVENTS = new Set([
  'ApplicationSubmitted',
  'ApplicationSupplemented',
  'ApplicationRejected',
  'LicenseIssued',
  'NameReserved',
  'NameReservationMoved',
  'NameReservationReleased',
]);

const SCIENCE_STATUS: Readonly<Record<string, string>> = {
  MakerSpaceApplied: 'applied',
  MakerSpaceRecognized: 'recognised',
  MakerSpaceRecognitionRefused: 'refused',
  MakerSpaceRecognitionRevoked: 'revoked',
  MakerSpaceRecognitionEnded: 'ended',
  GrantApplied: 'applied',
  GrantRejected: 'rejected',
  GrantWithdrawn: 'withdrawn',
  GrantPaid: 'paid',
  GrantPublished: 'published',
  VoucherClaimed: 'claimed',
  VoucherPaid: 'paid',
  VoucherLapsed: 'lapsed',
  VoucherExpired: 'expired',
};

const TAX_STATUS: Readonly<Record<string, string>> = { TaxRecordOpened: 'open', TaxRecordClosed: 'closed' };

const DEREGISTRATION_STATUS: Readonly<Record<string, string>> = {
  DeregistrationApplied: 'applied',
  DeregistrationAnnouncementStarted: 'announcing',
  DeregistrationObjectionLodged: 'objected',
  DeregistrationConfirmed: 'confirmed',
  DeregistrationLapsed: 'lapsed',
  DeregistrationRefused: 'refused',
  EnterpriseDeregistered: 'deregistered',
};

const kindOf = (event: AuditedEventWithData): string => {
  if (ESTABLISHMENT_EVENTS.has(event.type)) return 'establishment-case';
  if (event.type in DEREGISTRATION_STATUS) return 'deregistration-case';
  if (event.type.startsWith('Supervision')) return 'supervision-matter';
  if (event.service === 'tax') return 'tax-record';
  if (event.service === 'permits') return 'permit-case';
  if (event.service === 'science-commission') return 'science-case';
  return event.service;
};

/** The facts' own scalar fields (not objects, not the case id every fact repeats): what a generic aggregate shows. */
const scalarsOf = (data: Fields): Fields =>
  Object.fromEntries(
    Object.entries(data).filter(([key, value]) => key !== 'caseId' && (value === null || typeof value !== 'object')),
  );

const fullName = (name: unknown): string | undefined => {
  if (!name || typeof name !== 'object') return undefined;
  const { division, tradeName, industry, organizationForm } = name as Record<string, unknown>;
  return [division, tradeName, industry, organizationForm].filter((part) => typeof part === 'string').join('');
};

const actorOf = (value: unknown) => {
  if (!value || typeof value !== 'object') return undefined;
  const { id, name, role, department } = value as Record<string, unknown>;
  return { id, ...(name !== undefined && { name }), role, department: department ?? null };
};

/** The application's fields the case shows, from the application as filed or the fields a supplement replaces. */
const applicationFields = (application: Fields): Fields => {
  const fields: Fields = {};
  const name = fullName(application.name);
  if (name) fields.enterpriseName = name;
  for (const key of ['entityType', 'registeredCapital', 'domicile', 'businessPremises', 'businessScope']) {
    if (application[key] !== undefined) fields[key] = application[key];
  }
  if (application.legalRepresentative !== undefined) fields.legalRepresentative = application.legalRepresentative;
  if (Array.isArray(application.shareholders)) fields.shareholders = application.shareholders;
  if (application.investmentLink !== undefined) fields.investmentLink = application.investmentLink;
  return fields;
};

/** 设立登记: status, name, the application's fields, the decision and the license's credit code. */
function establishmentCase(status: string | null, fields: Fields, type: string, data: Fields) {
  switch (type) {
    case 'ApplicationSubmitted':
      return {
        status: 'submitted',
        fields: {
          ...fields,
          applicant: actorOf(data.applicant),
          submittedAt: data.submittedAt,
          ...applicationFields((data.application ?? {}) as Fields),
        },
      };
    case 'ApplicationSupplemented':
      return {
        status: 'supplemented',
        fields: {
          ...fields,
          supplementRounds: data.round,
          lastSupplementedAt: data.supplementedAt,
          ...applicationFields((data.changes ?? {}) as Fields),
        },
      };
    case 'ApplicationRejected':
      return {
        status: 'rejected',
        fields: {
          ...fields,
          decision: { outcome: 'rejected', by: actorOf(data.decidedBy), reason: data.reason, at: data.rejectedAt },
        },
      };
    case 'LicenseIssued':
      return {
        status: 'licensed',
        fields: {
          ...fields,
          enterpriseName: data.enterpriseName ?? fields.enterpriseName,
          creditCode: data.creditCode,
          licenseIssuedAt: data.issuedAt,
          decision: { outcome: 'approved', at: data.issuedAt },
        },
      };
    case 'NameReserved':
      return {
        status,
        fields: {
          ...fields,
          enterpriseName: data.fullName,
          nameReservation: 'reserved',
          reservedUntil: data.reservedUntil,
        },
      };
    case 'NameReservationMoved':
      return {
        status,
        fields: {
          ...fields,
          enterpriseName: data.fullName,
          nameReservation: 'reserved',
          reservedUntil: data.reservedUntil,
        },
      };
    case 'NameReservationReleased':
      return { status, fields: { ...fields, nameReservation: 'released', nameReleasedBecause: data.because } };
    default:
      return { status, fields };
  }
}

const STATUS_OF_KIND: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'tax-record': TAX_STATUS,
  'permit-case': permitStatusAfter,
  'science-case': SCIENCE_STATUS,
  'deregistration-case': DEREGISTRATION_STATUS,
};

/** The aggregate after one more of its events. */
export function aggregateAfter(state: AggregateState | undefined, event: AuditedEventWithData): AggregateState {
  const kind = state?.kind ?? kindOf(event);
  const current: AggregateState = state ?? {
    service: event.service,
    streamId: event.streamId,
    kind,
    version: 0,
    status: null,
    fields: {},
    eventsWithoutData: 0,
  };
  const next = { ...current, version: Math.max(current.version, event.version) };
  if (!event.data) return { ...next, eventsWithoutData: current.eventsWithoutData + 1 };
  if (kind === 'establishment-case')
    return { ...next, ...establishmentCase(current.status, current.fields, event.type, event.data) };
  return {
    ...next,
    status: STATUS_OF_KIND[kind]?.[event.type] ?? current.status,
    fields: { ...current.fields, ...scalarsOf(event.data) },
  };
}

/** The task after one more of its events (a TaskEventRecord as data). */
export function taskAfter(state: TaskState | undefined, event: AuditedEventWithData): TaskState {
  const parsed = event.data ? taskEventRecord.safeParse(event.data) : undefined;
  const current: TaskState = state ?? {
    service: event.service,
    taskId: parsed?.success ? parsed.data.taskId : event.streamId,
    streamId: event.streamId,
    kind: parsed?.success ? parsed.data.kind : null,
    version: 0,
    status: null,
    candidateGroup: null,
    assignee: null,
    escalated: false,
    escalatedTo: null,
    dueAt: null,
    legalDueAt: null,
    outcome: null,
    decidedBy: null,
    decidedAt: null,
    reason: null,
    eventsWithoutData: 0,
  };
  const next = { ...current, version: Math.max(current.version, event.version) };
  if (!parsed) return { ...next, eventsWithoutData: current.eventsWithoutData + 1 };
  if (!parsed.success) return next;
  const fact = parsed.data.event;
  const actor = (a: { id: string; role: string; department?: string }) => ({
    id: a.id,
    role: a.role,
    department: a.department ?? null,
  });
  switch (fact.type) {
    case 'opened':
      return {
        ...next,
        kind: parsed.data.kind,
        status: next.status ?? 'open',
        candidateGroup: fact.candidateGroup,
        dueAt: fact.dueAt,
        legalDueAt: fact.legalDueAt ?? null,
      };
    case 'escalated':
      return { ...next, escalated: true, escalatedTo: fact.escalateTo ?? null };
    case 'claimed':
      return { ...next, status: 'claimed', assignee: actor(fact.actor) };
    case 'unclaimed':
      return { ...next, status: 'open', assignee: null };
    case 'reassigned':
      return { ...next, status: 'claimed', assignee: actor(fact.to) };
    case 'decided':
      return {
        ...next,
        status: 'decided',
        outcome: fact.outcome,
        decidedBy: actor(fact.actor),
        decidedAt: fact.at,
        reason: fact.reason ?? null,
      };
    case 'lapsed':
      return { ...next, status: 'lapsed', decidedAt: fact.at, reason: fact.reason };
    case 'refused':
      return next;
  }
}
