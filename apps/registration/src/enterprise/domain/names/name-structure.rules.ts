import { type PlaceName } from '@govflow/policy';
import { nameProblem, type NameRule } from './name-problem';

const ONLY_HAN = /^\p{Script=Han}+$/u;

export const divisionIsKnown: NameRule = ({ division }, _context, policy) => {
  if (findPlace(policy.places, division)) return [];
  return [nameProblem('unknown-division', 'division', `“${division}”不是已知的行政区划名称`)];
};

/** A name carries the division of its registering authority, one enclosing it, or one of its districts. */
export const divisionMatchesRegisteringCity: NameRule = ({ division }, { registeringCity }, { places }) => {
  const place = findPlace(places, division);
  const city = findPlace(places, registeringCity);
  if (!place || !city) return [];
  const related = enclosing(places, city).includes(place) || enclosing(places, place).includes(city);
  if (related) return [];
  const message = `行政区划“${division}”不在企业登记所在地${registeringCity}范围内`;
  return [nameProblem('division-outside-registering-city', 'division', message)];
};

export const industryIsStated: NameRule = ({ industry }) => {
  if (industry === '') return [nameProblem('missing-industry', 'industry', '缺少行业或经营特点')];
  if (ONLY_HAN.test(industry)) return [];
  return [nameProblem('invalid-characters', 'industry', `行业“${industry}”应当使用汉字`)];
};

export const organisationFormIsKnown: NameRule = ({ organisationForm }, _context, policy) => {
  if (policy.organisationForms.includes(organisationForm)) return [];
  const message = `“${organisationForm}”不是规范的组织形式，例如：有限公司`;
  return [nameProblem('unknown-organization-form', 'organisationForm', message)];
};

function findPlace(places: readonly PlaceName[], text: string): PlaceName | undefined {
  return places.find((p) => p.name === text || p.fullName === text);
}

/** The place itself and every division around it, innermost first. */
function enclosing(places: readonly PlaceName[], place: PlaceName): PlaceName[] {
  const chain = [place];
  for (let current = place; current.within !== undefined;) {
    const parent = places.find((p) => p.name === current.within);
    if (!parent || chain.includes(parent)) break;
    chain.push(parent);
    current = parent;
  }
  return chain;
}
