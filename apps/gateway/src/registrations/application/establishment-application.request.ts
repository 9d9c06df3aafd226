import { z } from 'zod';
import type { EstablishmentApplication, Money } from '@govflow/contracts';
import { knownDivision } from './known-division';
import { moneyRequest, positiveAmount } from './money';
import { residentIdNumber } from './resident-id-number';

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

const person = z.object({ name: text(50), idNumber: residentIdNumber });

/** The application's fields as a registrant sends them; shared by submission and supplement. */
export const applicationFields = {
  name: z
    .object({ division: knownDivision, tradeName: text(20), industry: text(20), organizationForm: text(20) })
    .describe(
      'the declared name, which the registry checks against the rules of R1.3 (a division of the registering city, ' +
        'a trade name of 2 or more Chinese characters that is no place name, industry term or prohibited word, ' +
        'a form of the name policy): a name breaking one is a 400 naming the part and its rule, a trade name ' +
        'another enterprise holds a 409. GET /api/names/check asks the same rules first.',
    ),
  entityType: z.enum(['limited-company', 'individual-business']),
  registeredCapital: moneyRequest,
  domicile: text(200),
  businessPremises: text(200).optional().describe('only where premises are registered apart from the domicile (R1.4)'),
  businessScope: z.array(text(100)).min(1, 'must list at least one item').max(50, 'must list at most 50 items'),
  legalRepresentative: person,
  shareholders: z
    .array(person.extend({ subscribedAmount: positiveAmount.describe('in the currency of registeredCapital') }))
    .max(50, 'must list at most 50 shareholders'),
  investmentLink: z
    .object({
      creditCode: z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, 'must be an 18-character unified social credit code'),
    })
    .optional()
    .describe('R1.3: the enterprise linked to the applicant by investment whose trade name the new name shares'),
};

type ApplicationInput = z.output<z.ZodObject<typeof applicationFields>>;
type ShareholderInput = ApplicationInput['shareholders'][number];

/** Shareholders' bare amounts become Money in the given currency. */
export const withCurrency = (shareholders: ShareholderInput[], currency: string) =>
  shareholders.map(({ subscribedAmount, ...holder }) => ({
    ...holder,
    subscribedAmount: { amount: subscribedAmount, currency } satisfies Money,
  }));

export const establishmentApplicationRequest = z
  .object(applicationFields)
  .superRefine((application, context) => {
    if (application.entityType === 'limited-company' && application.shareholders.length === 0) {
      context.addIssue({ code: 'custom', path: ['shareholders'], message: 'a limited company needs a shareholder' });
    }
  })
  .transform(({ shareholders, ...application }): EstablishmentApplication => ({
    ...application,
    shareholders: withCurrency(shareholders, application.registeredCapital.currency),
  }));
