import { type EnterpriseNamePart, type NameRefusalDetails, NameRefusalType } from '@govflow/contracts';
import { DomainRefusal } from '../../shared/domain-refusal';
import type { NameCheckResult, NamePart } from '../domain/names';

const contractPart: Record<NamePart, EnterpriseNamePart> = {
  division: 'division',
  tradeName: 'tradeName',
  industry: 'industry',
  organisationForm: 'organizationForm',
};

/**
 * A declared name failed the check at submission or supplement: every problem, as the check reports it. Only a live
 * holder of the same trade name makes it NameTaken (409); any rule of the name itself makes it NameNotAllowed (400).
 */
export class NameRefused extends DomainRefusal {
  constructor(result: NameCheckResult) {
    const onlyTaken = result.problems.every((problem) => problem.code === 'identical-trade-name');
    const type = onlyTaken ? NameRefusalType.NameTaken : NameRefusalType.NameNotAllowed;
    const details: NameRefusalDetails = {
      fullName: result.fullName,
      problems: result.problems.map(({ code, part, message }) => ({ code, part: contractPart[part], message })),
    };
    const summary = result.problems.map((problem) => problem.message).join('；');
    super(type, `名称“${result.fullName}”未通过核查：${summary}`, details);
  }
}
