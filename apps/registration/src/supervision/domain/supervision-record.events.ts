import type { SupervisionMatterClosedV1, SupervisionMatterOpenedV1 } from '@govflow/contracts';
import { domainEvent } from '../../shared/domain-event';

// Class names are the stored and published event types; the data is the published V1 shape.

/** An officer opened a supervision matter on the enterprise, with the reason (R5.1). */
export class SupervisionMatterOpened extends domainEvent<SupervisionMatterOpenedV1>() {}

/** An officer closed an open supervision matter, with the reason. */
export class SupervisionMatterClosed extends domainEvent<SupervisionMatterClosedV1>() {}

export const supervisionRecordEvents = [SupervisionMatterOpened, SupervisionMatterClosed];
