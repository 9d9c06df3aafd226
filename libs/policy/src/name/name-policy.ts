import { PolicyTimeline } from '../policy-timeline';
import { industryTermsV1, organisationFormsV1 } from './name-vocabulary.v1';
import { placeNamesV1 } from './place-names.v1';
import { prohibitedTermsV1 } from './prohibited-terms.v1';
import { type NamePolicy } from './name-policy.types';

export const namePolicies = new PolicyTimeline<NamePolicy>('enterprise-name', [
  {
    version: 'name-v1',
    effectiveFrom: '2015-10-01',
    value: {
      reservationPeriod: { months: 2 },
      coolingOffPeriod: { years: 1 },
      minimumTradeNameLength: 2,
      pilotZone: { arabicNumeralsInTradeName: true, trademarkLettersInTradeName: true },
      places: placeNamesV1,
      industryTerms: industryTermsV1,
      organisationForms: organisationFormsV1,
      prohibitedTerms: prohibitedTermsV1,
    },
  },
]);

export const namePolicyV1: NamePolicy = namePolicies.byVersion('name-v1').value;
