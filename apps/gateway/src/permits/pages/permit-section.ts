import { permitCatalogues, requiredPermits } from '@govflow/policy';
import type { PortalApi } from '../../portal/portal-api';
import type { EnterpriseView } from '../enterprises.controller';
import { permitHeld, permitRouteZh, permitStatusZh } from './permit-labels';

/** What the enterprise page shows of permits (R2.2): a card per permit with its state, and those the scope still needs. */
export interface PermitSection {
  enterprise: EnterpriseWithoutPermits;
  cards: (EnterpriseView['permits'][number] & { statusZh: string; routeZh: string; held: boolean })[];
  toApply: { code: string; nameZh: string; authority: string; forScope: string[] }[];
}
type EnterpriseWithoutPermits = Omit<EnterpriseView, 'permits'>;

/** The permits part of the enterprise page, or nothing for a caller the permits API does not answer. */
export async function permitSection(api: PortalApi, creditCode: string): Promise<PermitSection | undefined> {
  const answer = await api.call<EnterpriseView>('GET', `/api/enterprises/${encodeURIComponent(creditCode)}`);
  if (!answer.ok) return undefined;
  const enterprise = answer.body;
  const catalogue = permitCatalogues.at(new Date()).value;
  const active = new Set(
    enterprise.permits.filter((p) => !['refused', 'revoked', 'expired', 'ended'].includes(p.status)).map((p) => p.code),
  );
  return {
    enterprise,
    cards: enterprise.permits.map((p) => ({
      ...p,
      statusZh: permitStatusZh(p.status),
      routeZh: permitRouteZh(p.route),
      held: permitHeld(p.status),
    })),
    toApply:
      enterprise.status === 'deregistered'
        ? []
        : requiredPermits(enterprise.license.businessScope, catalogue)
            .filter(({ entry }) => !active.has(entry.code))
            .map(({ entry, forScope }) => ({
              code: entry.code,
              nameZh: entry.nameZh,
              authority: entry.authority,
              forScope: [...forScope],
            })),
  };
}
