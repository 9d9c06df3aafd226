import { applicationFormErrors, deregistrationRequestOf } from './deregistration-form';

describe('the simplified deregistration form', () => {
  const investors = [
    { name: '张三', idNumber: '11010519491231002X' },
    { name: '李四', idNumber: '110108199001011231' },
  ];
  const at = new Date('2026-11-29T02:00:00Z');

  it('sends the declaration chosen and a commitment for each investor ticked, signed at submission', () => {
    expect(
      deregistrationRequestOf('91110108MA01234567', { declaration: 'noDebts', signed: ['1'] }, investors, at),
    ).toEqual({
      creditCode: '91110108MA01234567',
      declaration: { noDebts: true },
      commitments: [{ name: '李四', idNumber: '110108199001011231', signedAt: '2026-11-29T02:00:00.000Z' }],
    });
    expect(deregistrationRequestOf('X', { declaration: 'other', signed: [] }, investors, at)).toMatchObject({
      declaration: {},
      commitments: [],
    });
  });

  it("puts the API's 400 on the field it names, in Chinese, and keeps market regulation's own words", () => {
    expect(
      applicationFormErrors(
        400,
        [
          { field: 'declaration', message: 'must declare neverOpened or noDebts' },
          { field: 'commitments', message: 'every investor on the register signs a commitment (全体投资人承诺书)' },
          { field: 'commitments', message: '缺少投资人 李四（110108199001011231）签署的承诺书' },
          { field: 'commitments.1.idNumber', message: 'must be a valid resident ID number' },
        ],
        investors,
      ),
    ).toEqual([
      { field: 'declaration-noDebts', message: '请选择一项承诺：未开业，或无债权债务' },
      { field: 'commitment-0', message: '须由登记的全体投资人签署承诺书' },
      { field: 'commitment-1', message: '缺少投资人 李四（110108199001011231）签署的承诺书' },
      { field: 'commitment-1', message: '此投资人的承诺书信息与登记不符' },
    ]);
  });

  it('lists every reason of a 409 (not eligible) in the summary', () => {
    const reasons = [
      { field: null, message: '企业被列入经营异常名录' },
      { field: null, message: '企业正在被立案调查' },
    ];
    expect(applicationFormErrors(409, reasons, investors)).toEqual(reasons);
  });
});
