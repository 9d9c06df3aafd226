import { type ProhibitedCategory, type ProhibitedTerm } from './name-policy.types';

const terms = (category: ProhibitedCategory, list: string): ProhibitedTerm[] =>
  list.split(' ').map((term) => ({ term, category }));

/** Names of party, state and military organs, foreign states, and words that mislead the public. */
export const prohibitedTermsV1: readonly ProhibitedTerm[] = [
  ...terms('party-organ', '中国共产党 共产党 中共中央 党中央 中央纪委'),
  ...terms(
    'state-organ',
    '国务院 人民代表大会 全国人大 人大常委会 政治协商会议 人民政府 人民法院 人民检察院 监察委员会 公安局',
  ),
  ...terms('military-organ', '中央军事委员会 中央军委 人民解放军 解放军 武装警察 武警 军区'),
  { term: '美国', category: 'foreign-state', exceptWithin: ['美国际'] },
  { term: '英国', category: 'foreign-state', exceptWithin: ['英国际'] },
  { term: '法国', category: 'foreign-state', exceptWithin: ['法国际'] },
  { term: '德国', category: 'foreign-state', exceptWithin: ['德国际'] },
  ...terms('foreign-state', '日本 俄罗斯 韩国 意大利 加拿大 澳大利亚 新加坡'),
  // 中国/中华/全国/国家 are reserved for names the national authority approves, not self-declared ones.
  ...terms('misleading', '中国 中华 全国 国家 国家级 最高级 第一 最佳 特级 驰名'),
  { term: '中央', category: 'misleading', exceptWithin: ['中央空调', '中央厨房'] },
];
