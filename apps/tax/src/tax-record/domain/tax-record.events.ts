import type { TaxRecordOpenedV1 } from '@govflow/contracts';
import { domainEvent } from '../../shared/domain-event';

/** Published as is on tax.events; the registration workflow waits for it (三证合一, R1.1). */
export class TaxRecordOpened extends domainEvent<TaxRecordOpenedV1>() {}

export const taxRecordEvents = [TaxRecordOpened];
