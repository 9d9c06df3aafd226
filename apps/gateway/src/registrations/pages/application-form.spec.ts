import { applicationRequestOf, draftFromForm, formErrorsOf, registeringAuthorityOf } from './application-form';

describe('the application form', () => {
  const form = {
    division: '北京',
    tradeName: ' 星河 ',
    industry: '科技',
    organizationForm: '有限公司',
    entityType: 'limited-company',
    capitalAmount: '1000000',
    domicile: '北京市海淀区中关村大街27号',
    scopeTerms: ['技术开发', '不在目录中的勾选'],
    scopeOther: '自定义项目一\n；自定义项目二',
    lrName: '张三',
    lrIdNumber: '11010519491231002x',
    sh0Name: '',
    sh0IdNumber: '',
    sh0Amount: '',
    sh1Name: '李四',
    sh1IdNumber: '110108199001011231',
    sh1Amount: '400000',
  };

  it('drops blank shareholder rows, keeps only catalogue checkboxes, and trims what was typed', () => {
    const draft = draftFromForm(form);
    expect(draft.tradeName).toBe('星河');
    expect(draft.lrIdNumber).toBe('11010519491231002X');
    expect(draft.shareholders).toEqual([{ name: '李四', idNumber: '110108199001011231', amount: '400000' }]);
    expect(applicationRequestOf(draft).businessScope).toEqual(['技术开发', '自定义项目一', '自定义项目二']);
  });

  it("puts each API error on the form's field, in Chinese with the official term", () => {
    expect(
      formErrorsOf([
        { field: 'name.division', message: 'must be a known administrative division (行政区划), such as 北京' },
        { field: 'domicile', message: 'is required' },
        { field: 'shareholders.1.idNumber', message: 'has a wrong check character' },
        { field: 'registeredCapital.amount', message: 'must be greater than zero' },
        { field: null, message: 'request body must be a JSON object' },
      ]),
    ).toEqual([
      { field: 'division', message: '行政区划须从已知的行政区划中选择' },
      { field: 'domicile', message: '请填写住所' },
      { field: 'sh1IdNumber', message: '第2位股东的身份证号码不是有效的18位居民身份证号码' },
      { field: 'capitalAmount', message: '注册资本须为大于零的金额（元），最多两位小数' },
      { field: null, message: 'request body must be a JSON object' },
    ]);
  });

  it("shows a refused name's problems as market regulation words them, each on its part of the name (R1.3)", () => {
    const placeName = '字号不得使用县级以上行政区划名称：字号“海淀”是行政区划北京市海淀区的名称';
    const form = '组织形式不规范：“公司”不是规范的组织形式，例如：有限公司';
    expect(
      formErrorsOf([
        { field: 'name.tradeName', code: 'trade-name-is-place-name', message: placeName },
        { field: 'name.organisationForm', code: 'unknown-organization-form', message: form },
      ]),
    ).toEqual([
      { field: 'tradeName', message: placeName },
      { field: 'organizationForm', message: form },
    ]);
  });

  it('says an empty field is missing rather than wrong', () => {
    const draft = draftFromForm({ ...form, capitalAmount: '' });
    expect(formErrorsOf([{ field: 'registeredCapital.amount', message: 'must be a positive number' }], draft)).toEqual([
      { field: 'capitalAmount', message: '请填写注册资本' },
    ]);
  });

  it('names the registering authority after the division, with the city around a district', () => {
    expect(registeringAuthorityOf('北京')).toBe('北京市市场监督管理局');
    expect(registeringAuthorityOf('海淀')).toBe('北京市海淀区市场监督管理局');
  });
});
