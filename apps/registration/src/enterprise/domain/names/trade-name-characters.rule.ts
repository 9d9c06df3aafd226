import { nameProblem, type NameProblem, type NameRule } from './name-problem';

const HAN = /\p{Script=Han}/u;
const DIGIT = /[0-9]/;
const LATIN_LETTER = /[A-Za-z]/;
const ALPHANUMERIC_RUNS = /[A-Za-z0-9]+/g;

/**
 * Chinese characters always; in the pilot zone also Arabic numerals, and Latin letters when they spell
 * a registered trademark of the applicant (a run such as "3M" is judged whole, digits included).
 */
export const tradeNameCharactersAreAllowed: NameRule = ({ tradeName }, context, policy) => {
  const problems: NameProblem[] = [];
  const invalid = unique([...tradeName].filter((c) => !HAN.test(c) && !DIGIT.test(c) && !LATIN_LETTER.test(c)));
  if (invalid.length > 0) {
    const message = `字号不得含有${invalid.map((c) => `“${c}”`).join('、')}`;
    problems.push(nameProblem('invalid-characters', 'tradeName', message));
  }

  const latinRuns = (tradeName.match(ALPHANUMERIC_RUNS) ?? []).filter((run) => LATIN_LETTER.test(run));
  const ownMarks = new Set(context.applicantTrademarks.map(canonicalMark));
  const allowedMarks = policy.pilotZone.trademarkLettersInTradeName
    ? latinRuns.filter((r) => ownMarks.has(canonicalMark(r)))
    : [];
  const foreignRuns = latinRuns.filter((run) => !allowedMarks.includes(run));
  if (foreignRuns.length > 0 && !policy.pilotZone.trademarkLettersInTradeName) {
    const message = `字号中含有外文字母：${foreignRuns.join('、')}`;
    problems.push(nameProblem('latin-letters-not-allowed', 'tradeName', message));
  } else if (foreignRuns.length > 0) {
    const message = `以下外文字母不是申请人的注册商标：${foreignRuns.join('、')}`;
    problems.push(nameProblem('latin-letters-not-own-trademark', 'tradeName', message));
  }

  const outsideMarks = allowedMarks.reduce((rest, mark) => rest.replace(mark, ''), tradeName);
  if (DIGIT.test(outsideMarks) && !policy.pilotZone.arabicNumeralsInTradeName) {
    const message = '现行政策下字号不得含有阿拉伯数字';
    problems.push(nameProblem('arabic-numerals-not-allowed', 'tradeName', message));
  }
  return problems;
};

function canonicalMark(mark: string): string {
  return mark.trim().toUpperCase();
}

function unique(chars: string[]): string[] {
  return [...new Set(chars)];
}
