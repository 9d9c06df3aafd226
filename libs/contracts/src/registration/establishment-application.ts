/** A declared name: division + trade name + industry + organisational form (北京 + 星河 + 科技 + 有限公司). */
export interface EnterpriseName {
  division: string;
  tradeName: string;
  industry: string;
  organizationForm: string;
}

export type EntityType = 'limited-company' | 'individual-business';

export interface Money {
  /** A decimal string such as '100000.00': binary floats would round amounts in filings. */
  amount: string;
  currency: string;
}

export interface Person {
  name: string;
  idNumber: string;
}

export interface Shareholder extends Person {
  subscribedAmount: Money;
}

/** The establishment application (设立登记) as the registrant files it, once, for the single license (R1.1). */
export interface EstablishmentApplication {
  name: EnterpriseName;
  entityType: EntityType;
  registeredCapital: Money;
  domicile: string;
  /** Only where domicile and business premises are registered separately (R1.4). */
  businessPremises?: string;
  businessScope: string[];
  legalRepresentative: Person;
  shareholders: Shareholder[];
  /**
   * R1.3's exception: an enterprise linked to the applicant by investment, declared by its credit code, may share the
   * trade name. The officer confirms the link in the review; until then the name is held only on the declaration.
   */
  investmentLink?: InvestmentLink;
}

export interface InvestmentLink {
  /** Unified social credit code of the linked enterprise (GB 32100). */
  creditCode: string;
}
