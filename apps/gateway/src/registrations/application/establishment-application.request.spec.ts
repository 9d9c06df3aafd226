import { RequestValidationFailed } from '../../http/api-error';
import { ZodValidationPipe } from '../../http/zod-validation.pipe';
import { establishmentApplicationRequest } from './establishment-application.request';

describe('establishmentApplicationRequest', () => {
  const sut = new ZodValidationPipe(establishmentApplicationRequest);
  const zhang = { name: '张三', idNumber: '11010519491231002X' };
  const li = { name: '李四', idNumber: '110108199001011231' };
  const filed = () => ({
    name: { division: '北京', tradeName: '星河', industry: '科技', organizationForm: '有限公司' },
    entityType: 'limited-company',
    registeredCapital: { amount: 1000000, currency: 'CNY' },
    domicile: '北京市海淀区中关村大街27号1101室',
    businessScope: ['技术开发', '技术咨询'],
    legalRepresentative: zhang,
    shareholders: [
      { ...zhang, subscribedAmount: '600000' },
      { ...li, subscribedAmount: 400000.5 },
    ],
  });

  const errorsFor = (body: unknown) => {
    try {
      sut.transform(body);
    } catch (error) {
      if (error instanceof RequestValidationFailed) return error.errors;
      throw error;
    }
    throw new Error('expected the body to be refused');
  };

  it('normalises amounts to decimal strings and gives subscribed amounts the capital currency', () => {
    const application = sut.transform(filed());
    expect(application.registeredCapital).toEqual({ amount: '1000000.00', currency: 'CNY' });
    expect(application.shareholders.map((s) => s.subscribedAmount)).toEqual([
      { amount: '600000.00', currency: 'CNY' },
      { amount: '400000.50', currency: 'CNY' },
    ]);
    expect(application).not.toHaveProperty('businessPremises');
  });

  it('names a missing nested field by its dotted path', () => {
    const body = filed();
    const { tradeName: _, ...name } = body.name;
    expect(errorsFor({ ...body, name })).toEqual([{ field: 'name.tradeName', message: 'is required' }]);
  });

  it('names every bad field, array items by index', () => {
    const body = {
      ...filed(),
      entityType: 'partnership',
      businessScope: [],
      legalRepresentative: { name: '张三', idNumber: '110105194912310021' },
      shareholders: [{ ...li, subscribedAmount: '-5' }],
    };
    expect(errorsFor(body)).toEqual([
      { field: 'entityType', message: expect.stringMatching(/limited-company.*individual-business/) },
      { field: 'businessScope', message: 'must list at least one item' },
      { field: 'legalRepresentative.idNumber', message: 'has a wrong check character' },
      { field: 'shareholders.0.subscribedAmount', message: expect.stringMatching(/^must be a positive number/) },
    ]);
  });

  it.each([
    [0, 'must be greater than zero'],
    ['0.00', 'must be greater than zero'],
    ['12.345', expect.stringMatching(/at most 2 decimal places/)],
    [0.1 + 0.2, expect.stringMatching(/at most 2 decimal places/)],
    ['1e6', expect.stringMatching(/decimal string/)],
    [Number.POSITIVE_INFINITY, expect.stringMatching(/decimal string/)],
    [true, expect.stringMatching(/^must be a positive number/)],
  ])('refuses the amount %p', (amount, message) => {
    expect(errorsFor({ ...filed(), registeredCapital: { amount, currency: 'CNY' } })).toEqual([
      { field: 'registeredCapital.amount', message },
    ]);
  });

  it('refuses a currency that is not an ISO code', () => {
    expect(errorsFor({ ...filed(), registeredCapital: { amount: '1', currency: 'yuan' } })).toEqual([
      { field: 'registeredCapital.currency', message: 'must be an ISO 4217 currency code such as CNY' },
    ]);
  });

  it('needs a shareholder for a limited company, none for an individual business', () => {
    expect(errorsFor({ ...filed(), shareholders: [] })).toEqual([
      { field: 'shareholders', message: 'a limited company needs a shareholder' },
    ]);
    expect(sut.transform({ ...filed(), entityType: 'individual-business', shareholders: [] }).shareholders).toEqual([]);
  });

  it('accepts a lower-case check character x and stores it upper-case', () => {
    const body = { ...filed(), legalRepresentative: { ...zhang, idNumber: '11010519491231002x' } };
    expect(sut.transform(body).legalRepresentative.idNumber).toBe('11010519491231002X');
  });
});
