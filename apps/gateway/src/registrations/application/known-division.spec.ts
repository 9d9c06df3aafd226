import { establishmentApplicationRequest } from './establishment-application.request';
import { knownDivision } from './known-division';

describe('knownDivision', () => {
  it.each(['北京', '北京市', '海淀', '海淀区', ' 上海 '])('accepts %p', (division) => {
    expect(knownDivision.safeParse(division).success).toBe(true);
  });

  it.each(['110112', '火星', ''])('refuses %p', (division) => {
    expect(knownDivision.safeParse(division).success).toBe(false);
  });

  it('makes an unknown division in an application an error naming name.division', () => {
    const result = establishmentApplicationRequest.safeParse({
      name: { division: '110112', tradeName: '天明', industry: '科技', organizationForm: '有限公司' },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain('name.division');
  });
});
