import { TaxRefusalType } from '@govflow/contracts';
import { DomainRefusal } from '../../shared/domain-refusal';

export class TaxRecordNotFound extends DomainRefusal {
  constructor(taxpayerId: string) {
    super(TaxRefusalType.TaxRecordNotFound, `没有纳税人识别号为 ${taxpayerId} 的税务登记`);
  }
}
