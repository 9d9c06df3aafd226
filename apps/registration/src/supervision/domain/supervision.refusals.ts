import { type SupervisionKind, SupervisionRefusalType } from '@govflow/contracts';
import { DomainRefusal } from '../../shared/domain-refusal';

export class EnterpriseNotFound extends DomainRefusal {
  constructor(creditCode: string) {
    super(SupervisionRefusalType.EnterpriseNotFound, `没有统一社会信用代码为 ${creditCode} 的企业`);
  }
}

export class SupervisionMatterAlreadyOpen extends DomainRefusal {
  constructor(creditCode: string, kind: SupervisionKind) {
    super(SupervisionRefusalType.SupervisionMatterAlreadyOpen, `${creditCode} 的 ${kind} 事项已处于开启状态`);
  }
}

export class SupervisionMatterNotOpen extends DomainRefusal {
  constructor(creditCode: string, kind: SupervisionKind) {
    super(SupervisionRefusalType.SupervisionMatterNotOpen, `${creditCode} 没有开启中的 ${kind} 事项，无法关闭`);
  }
}
