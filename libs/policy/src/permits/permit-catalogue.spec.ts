import { type PermitCatalogue, requiredPermits } from './permit-catalogue';
import { permitCatalogues } from './permit-catalogues';

describe(requiredPermits.name, () => {
  const catalogue = permitCatalogues.at(new Date('2024-06-01T00:00:00+08:00')).value;
  const codesFor = (scope: string[]) => requiredPermits(scope, catalogue).map((p) => p.entry.code);

  it('needs a food business permit from the market regulator for catering', () => {
    const [permit, ...others] = requiredPermits(['餐饮服务'], catalogue);
    expect(others).toEqual([]);
    expect(permit?.entry).toMatchObject({ nameZh: '食品经营许可', authority: 'market-regulation', kind: 'permit' });
    expect(permit?.entry.notificationCommitment).toBe(true);
    expect(permit?.forScope).toEqual(['餐饮服务']);
  });

  it('needs only a filing to sell pre-packaged food', () => {
    for (const scope of ['预包装食品销售', '食品销售（仅销售预包装食品）']) {
      const [filing, ...others] = requiredPermits([scope], catalogue);
      expect(others).toEqual([]);
      expect(filing?.entry).toMatchObject({ code: 'prepackaged-food-filing', kind: 'filing' });
    }
  });

  it('drops the pre-packaged filing when the food business permit is needed anyway', () => {
    const required = requiredPermits(['餐饮服务', '预包装食品销售'], catalogue);
    expect(required.map((p) => p.entry.code)).toEqual(['food-business-permit']);
    expect(required[0]?.forScope).toEqual(['餐饮服务', '预包装食品销售']);
  });

  it('sends road freight to the transport authority, dangerous goods to its own permit', () => {
    expect(requiredPermits(['道路普通货物运输'], catalogue)[0]?.entry.authority).toBe('transport');
    expect(codesFor(['道路货物运输（不含危险货物）'])).toEqual(['road-freight-permit']);
    expect(codesFor(['道路危险货物运输'])).toEqual(['road-dangerous-goods-permit']);
  });

  it('needs the network culture permit from the culture authority and the ICP permit for information services', () => {
    const required = requiredPermits(['网络文化经营', '互联网信息服务'], catalogue);
    expect(required.map((p) => [p.entry.code, p.entry.authority])).toEqual([
      ['network-culture-permit', 'culture-and-tourism'],
      ['icp-permit', 'communications'],
    ]);
  });

  it('needs nothing for unregulated activities', () => {
    expect(requiredPermits(['技术开发', '技术咨询', '软件开发'], catalogue)).toEqual([]);
    expect(requiredPermits([], catalogue)).toEqual([]);
  });

  it('lists each item once, in catalogue order, with every scope item that needs it', () => {
    const required = requiredPermits(['互联网信息服务', '餐饮服务', '食品经营', '餐饮服务'], catalogue);
    expect(required.map((p) => p.entry.code)).toEqual(['food-business-permit', 'icp-permit']);
    expect(required[0]?.forScope).toEqual(['餐饮服务', '食品经营']);
  });

  it('reads whichever catalogue it is given, so a new version needs no code', () => {
    const tomorrow: PermitCatalogue = [
      { ...catalogue[0]!, code: 'catering-filing', kind: 'filing', businessScopeKeywords: ['餐饮服务'] },
    ];
    expect(requiredPermits(['餐饮服务'], tomorrow).map((p) => p.entry.code)).toEqual(['catering-filing']);
  });
});

describe('permitCatalogues', () => {
  const catalogue = permitCatalogues.latest().value;

  it('has unique codes, keywords and coverings that point at real entries', () => {
    const codes = catalogue.map((e) => e.code);
    const keywords = catalogue.flatMap((e) => e.businessScopeKeywords);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(keywords).size).toBe(keywords.length);
    for (const e of catalogue) for (const code of e.coveredBy ?? []) expect(codes).toContain(code);
  });

  it('marks filings as filings and never offers them by commitment', () => {
    for (const e of catalogue.filter((x) => x.kind === 'filing')) expect(e.notificationCommitment).toBe(false);
  });
});

describe('permit procedures (catalogue-v2)', () => {
  const v2 = permitCatalogues.at(new Date('2026-11-29T10:00:00+08:00'));
  const food = v2.value.find((e) => e.code === 'food-business-permit');

  it('is in force for cases from 2026-11-01, while licenses before keep being told from v1', () => {
    expect(v2.version).toBe('catalogue-v2');
    expect(permitCatalogues.at(new Date('2026-10-31T23:00:00+08:00')).version).toBe('catalogue-v1');
  });

  it('gives the food business permit both routes, 5 working days for the notice, 5 years and 20 % spot checks', () => {
    expect(food?.procedure).toMatchObject({
      routes: ['standard', 'commitment'],
      materialsNoticePeriod: { workingDays: 5 },
      validity: { years: 5 },
      renewalReminderWorkingDays: 30,
      conditions: { version: 'food-commitment-2026-11' },
      spotCheck: { sharePercent: 20 },
    });
  });

  it('offers commitment exactly where v1 marked it, and filings only as filings without validity', () => {
    for (const entry of v2.value) {
      expect(entry.procedure?.routes.includes('commitment')).toBe(entry.notificationCommitment);
      expect(entry.procedure?.conditions !== undefined).toBe(entry.notificationCommitment);
      if (entry.kind === 'filing') expect(entry.procedure).toMatchObject({ routes: ['filing'] });
      if (entry.kind === 'filing') expect(entry.procedure?.validity).toBeUndefined();
    }
  });
});
