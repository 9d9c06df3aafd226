import { failedCriteria, makerSpaceCriteria, type MakerSpaceFigures } from './maker-space-criteria';

describe('makerSpaceCriteria', () => {
  const criteria = makerSpaceCriteria.at(new Date('2026-11-30T00:00:00+08:00')).value;
  const strong: MakerSpaceFigures = {
    monthsInOperation: 24,
    floorAreaM2: 800,
    workstations: 60,
    residentTeams: 25,
    mentors: 8,
    eventsPerYear: 20,
  };

  it('passes a maker space that meets every national criterion', () => {
    expect(failedCriteria(criteria, 'national', strong)).toEqual([]);
  });

  it('accepts 30 work-stations in place of 500 m² (国科火字〔2017〕120号)', () => {
    const small = { ...strong, floorAreaM2: 200, workstations: 30 };
    expect(failedCriteria(criteria, 'national', small)).toEqual([]);
  });

  it('lists each failing criterion with the figures it looked at, not just a count', () => {
    const young = { ...strong, monthsInOperation: 17, floorAreaM2: 499, workstations: 29, residentTeams: 19 };
    expect(failedCriteria(criteria, 'national', young)).toEqual([
      { code: 'months-in-operation', label: '运营时间满18个月', declared: { monthsInOperation: 17 } },
      {
        code: 'space',
        label: '服务场地面积不少于500平方米或工位不少于30个',
        declared: { floorAreaM2: 499, workstations: 29 },
      },
      { code: 'resident-teams', label: '入驻创业团队和初创企业不少于20个', declared: { residentTeams: 19 } },
    ]);
  });

  it('holds a municipal maker space to its own, lower, criteria', () => {
    const municipal = { ...strong, monthsInOperation: 12, floorAreaM2: 300, workstations: 0, residentTeams: 10 };
    expect(failedCriteria(criteria, 'municipal', municipal)).toEqual([]);
    expect(failedCriteria(criteria, 'national', municipal).map((f) => f.code)).toEqual([
      'months-in-operation',
      'space',
      'resident-teams',
    ]);
  });
});
