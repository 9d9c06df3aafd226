import type { EstablishmentApplication, SupervisionRecordView } from '@govflow/contracts';
import type { PortalApi } from '../../portal/portal-api';
import type { RegistrationView } from '../../registrations/registration-view';
import type { DeregistrationSummary } from '../deregistration.view';

export interface OwnEnterprise {
  establishmentCaseId: string;
  creditCode: string;
  enterpriseName: string;
  issuedAt: string;
}

/** The enterprises a registrant holds a license for, from their own registration cases (the API's, as any client). */
export async function ownEnterprises(api: PortalApi): Promise<OwnEnterprise[]> {
  const cases = await api.read<{ caseId: string; status: string }[]>('/api/registrations');
  const licensed = await Promise.all(
    cases
      .filter((c) => c.status === 'licensed' || c.status === 'completed')
      .map((c) => api.call<RegistrationView>('GET', `/api/registrations/${c.caseId}`)),
  );
  return licensed.flatMap((answer) =>
    answer.ok && answer.body.license ? [{ establishmentCaseId: answer.body.caseId, ...answer.body.license }] : [],
  );
}

/**
 * Every investor on the register, as the establishment application (as last supplemented) names them: the
 * shareholders, or for an individual business its operator, the legal representative.
 */
export async function investorsOf(api: PortalApi, establishmentCaseId: string) {
  const application = await api.read<EstablishmentApplication>(`/api/registrations/${establishmentCaseId}/application`);
  const investors = application.shareholders.length > 0 ? application.shareholders : [application.legalRepresentative];
  return investors.map(({ name, idNumber }) => ({ name, idNumber }));
}

export const supervisionRecordOf = (api: PortalApi, creditCode: string) =>
  api.read<SupervisionRecordView>(`/api/supervision/${encodeURIComponent(creditCode)}/records`);

/** The caller's own deregistrations of this enterprise, newest first. */
export async function deregistrationsOf(api: PortalApi, creditCode: string): Promise<DeregistrationSummary[]> {
  const mine = await api.read<DeregistrationSummary[]>('/api/deregistrations');
  return mine.filter((c) => c.creditCode === creditCode);
}

export const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
