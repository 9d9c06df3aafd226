import type { PermitProcedure } from './permit-procedure';

export type PermitAuthority =
  | 'market-regulation'
  | 'transport'
  | 'culture-and-tourism'
  | 'communications'
  | 'press-and-publication'
  | 'human-resources'
  | 'emergency-management';

/** A permit is decided by the authority; a filing (备案) only has to be lodged with it. */
export type PermitKind = 'permit' | 'filing';

/** One post-license item (后置审批事项) of the 前置改后置 catalogue (R2.1). */
export interface PermitCatalogueEntry {
  readonly code: string;
  readonly kind: PermitKind;
  readonly name: string;
  readonly nameZh: string;
  readonly authority: PermitAuthority;
  /** Standard business-scope wording that triggers the item; the longest matching keyword wins. */
  readonly businessScopeKeywords: readonly string[];
  /** Whether the applicant may choose approval by notification and commitment (告知承诺制, R2.3). */
  readonly notificationCommitment: boolean;
  /** Codes of items that make this one unnecessary (a food business permit covers pre-packaged sales). */
  readonly coveredBy?: readonly string[];
  /** How a case for the item runs (routes, time limits, validity); from catalogue-v2 on, absent in older versions. */
  readonly procedure?: PermitProcedure;
}

export type PermitCatalogue = readonly PermitCatalogueEntry[];

export interface RequiredPermit {
  readonly entry: PermitCatalogueEntry;
  /** The business-scope items that need it, so the notice (告知) can say why. */
  readonly forScope: readonly string[];
}

/**
 * The post-license items a business scope needs, in catalogue order. Each scope item is matched to
 * the entries with its longest contained keyword, so "食品销售（仅销售预包装食品）" means the filing,
 * not the full food business permit.
 */
export function requiredPermits(businessScope: readonly string[], catalogue: PermitCatalogue): RequiredPermit[] {
  const scopeByCode = new Map<string, string[]>();
  for (const rawItem of businessScope) {
    const item = rawItem.trim();
    for (const entry of bestMatches(item, catalogue)) {
      const items = scopeByCode.get(entry.code) ?? [];
      if (!items.includes(item)) items.push(item);
      scopeByCode.set(entry.code, items);
    }
  }
  return foldCoveredItems(catalogue, scopeByCode);
}

function bestMatches(item: string, catalogue: PermitCatalogue): PermitCatalogueEntry[] {
  const longestKeyword = (entry: PermitCatalogueEntry) =>
    Math.max(0, ...entry.businessScopeKeywords.filter((k) => item.includes(k)).map((k) => k.length));
  const scored = catalogue.map((entry) => ({ entry, length: longestKeyword(entry) }));
  const best = Math.max(0, ...scored.map((s) => s.length));
  return best === 0 ? [] : scored.filter((s) => s.length === best).map((s) => s.entry);
}

function foldCoveredItems(catalogue: PermitCatalogue, scopeByCode: Map<string, string[]>): RequiredPermit[] {
  for (const entry of catalogue) {
    const coveringCode = entry.coveredBy?.find((code) => scopeByCode.has(code));
    const items = scopeByCode.get(entry.code);
    if (coveringCode === undefined || items === undefined) continue;
    const covering = scopeByCode.get(coveringCode) ?? [];
    scopeByCode.set(coveringCode, [...covering, ...items.filter((i) => !covering.includes(i))]);
    scopeByCode.delete(entry.code);
  }
  return catalogue.flatMap((entry) => {
    const forScope = scopeByCode.get(entry.code);
    return forScope === undefined ? [] : [{ entry, forScope }];
  });
}
