import { type NamePolicy } from '@govflow/policy';
import { type NameCheckContext, type NamePart, type NameProposal } from './name-proposal';

/** Stable codes: clients translate and test against these, never against messages. */
export type NameProblemCode =
  | 'unknown-division'
  | 'division-outside-registering-city'
  | 'trade-name-too-short'
  | 'invalid-characters'
  | 'arabic-numerals-not-allowed'
  | 'latin-letters-not-allowed'
  | 'latin-letters-not-own-trademark'
  | 'trade-name-is-place-name'
  | 'trade-name-is-industry-term'
  | 'missing-industry'
  | 'unknown-organization-form'
  | 'prohibited-content'
  | 'identical-trade-name';

export interface NameProblem {
  readonly code: NameProblemCode;
  readonly part: NamePart;
  readonly message: string;
}

/** One rule of R1.3: a pure function of the (trimmed) proposal, the context and the policy in force. */
export type NameRule = (proposal: NameProposal, context: NameCheckContext, policy: NamePolicy) => NameProblem[];

/** What each rule asks, in the official wording registrants read (企业名称登记管理规定); every message starts with it. */
export const NAME_RULE_TITLES: Readonly<Record<NameProblemCode, string>> = {
  'unknown-division': '行政区划名称不规范',
  'division-outside-registering-city': '行政区划须为企业所在地行政区划',
  'trade-name-too-short': '字号应当由两个以上汉字组成',
  'invalid-characters': '名称含有不允许使用的字符',
  'arabic-numerals-not-allowed': '字号不得使用阿拉伯数字',
  'latin-letters-not-allowed': '字号不得使用外文字母',
  'latin-letters-not-own-trademark': '字号中的外文字母须为申请人的注册商标',
  'trade-name-is-place-name': '字号不得使用县级以上行政区划名称',
  'trade-name-is-industry-term': '字号不得使用行业用语',
  'missing-industry': '名称应当标明行业或者经营特点',
  'unknown-organization-form': '组织形式不规范',
  'prohibited-content': '名称不得含有党政军机关名称、外国国家名称或者可能误导公众的内容',
  'identical-trade-name': '同一登记机关辖区内同行业已有相同字号（含已预留、注销或变更未满一年的名称）',
};

export function nameProblem(code: NameProblemCode, part: NamePart, message: string): NameProblem {
  return { code, part, message: `${NAME_RULE_TITLES[code]}：${message}` };
}
