import { nameProblem, type NameRule } from './name-problem';

export const tradeNameIsLongEnough: NameRule = ({ tradeName }, _context, policy) => {
  const length = [...tradeName].length;
  if (length >= policy.minimumTradeNameLength) return [];
  const message = `字号至少${policy.minimumTradeNameLength}个字，“${tradeName}”只有${length}个字`;
  return [nameProblem('trade-name-too-short', 'tradeName', message)];
};

/** A county-level-or-above place name may not serve as the trade name (as the whole of it, 作为字号). */
export const tradeNameIsNotPlaceName: NameRule = ({ tradeName }, _context, policy) => {
  const place = policy.places.find((p) => p.name === tradeName || p.fullName === tradeName);
  if (!place) return [];
  const message = `字号“${tradeName}”是行政区划${place.fullName}的名称`;
  return [nameProblem('trade-name-is-place-name', 'tradeName', message)];
};

export const tradeNameIsNotIndustryTerm: NameRule = ({ tradeName }, _context, policy) => {
  if (!policy.industryTerms.includes(tradeName)) return [];
  const message = `字号“${tradeName}”是行业用语，不能区分企业`;
  return [nameProblem('trade-name-is-industry-term', 'tradeName', message)];
};
