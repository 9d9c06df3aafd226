import { type ProhibitedCategory, type ProhibitedTerm } from '@govflow/policy';
import { nameProblem, type NameRule } from './name-problem';

const CATEGORY_DESCRIPTIONS: Record<ProhibitedCategory, string> = {
  'party-organ': '是党的机关名称',
  'state-organ': '是国家机关名称',
  'military-organ': '是军队机关名称',
  'foreign-state': '是外国国家名称',
  misleading: '可能误导公众',
};

interface Hit {
  readonly term: ProhibitedTerm;
  readonly start: number;
  readonly end: number;
}

/** The parts the applicant writes freely (trade name and industry) may not contain prohibited terms. */
export const noProhibitedContent: NameRule = ({ tradeName, industry }, _context, policy) => {
  const text = `${tradeName}${industry}`;
  const hits = policy.prohibitedTerms.flatMap((term) => hitsOf(term, text));
  // 中国共产党 is one problem, not three (中国共产党, 共产党, 中国).
  const outermost = hits.filter((hit) => !hits.some((other) => other !== hit && encloses(other, hit)));
  const terms = [...new Set(outermost.map((hit) => hit.term))];
  return terms.map((term) => {
    const firstHit = outermost.find((hit) => hit.term === term);
    const part = firstHit !== undefined && firstHit.start >= tradeName.length ? 'industry' : 'tradeName';
    const message = `“${term.term}”${CATEGORY_DESCRIPTIONS[term.category]}，不得用于企业名称`;
    return nameProblem('prohibited-content', part, message);
  });
};

function hitsOf(term: ProhibitedTerm, text: string): Hit[] {
  const hits: Hit[] = [];
  for (let start = text.indexOf(term.term); start >= 0; start = text.indexOf(term.term, start + 1)) {
    if (!isInnocent(term, text, start)) hits.push({ term, start, end: start + term.term.length });
  }
  return hits;
}

function isInnocent(term: ProhibitedTerm, text: string, start: number): boolean {
  return (term.exceptWithin ?? []).some((word) => {
    const offset = word.indexOf(term.term);
    return offset >= 0 && start - offset >= 0 && text.startsWith(word, start - offset);
  });
}

function encloses(outer: Hit, inner: Hit): boolean {
  const longer = outer.end - outer.start > inner.end - inner.start;
  return longer && outer.start <= inner.start && inner.end <= outer.end;
}
