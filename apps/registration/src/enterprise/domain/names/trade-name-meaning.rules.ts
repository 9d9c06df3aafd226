import { nameProblem, type NameRule } from './name-problem';

export const tradeNameIsLongEnough: NameRule = ({ tradeName }, _context, policy) => {
  const length = [...tradeName].length;
  if (length >= policy.minimumTradeNameLength) return [];
  const message = `The trade name (字号) needs at least ${policy.minimumTradeNameLength} characters; "${tradeName}" has ${length}`;
  return [nameProblem('trade-name-too-short', 'tradeName', message)];
};

/** A county-level-or-above place name may not serve as the trade name (as the whole of it, 作为字号). */
export const tradeNameIsNotPlaceName: NameRule = ({ tradeName }, _context, policy) => {
  const place = policy.places.find((p) => p.name === tradeName || p.fullName === tradeName);
  if (!place) return [];
  const message = `The trade name (字号) "${tradeName}" is the name of the administrative division ${place.fullName} (县级以上行政区划名称)`;
  return [nameProblem('trade-name-is-place-name', 'tradeName', message)];
};

export const tradeNameIsNotIndustryTerm: NameRule = ({ tradeName }, _context, policy) => {
  if (!policy.industryTerms.includes(tradeName)) return [];
  const message = `The trade name (字号) "${tradeName}" is an industry term (行业用语) and cannot distinguish the firm`;
  return [nameProblem('trade-name-is-industry-term', 'tradeName', message)];
};
