/** Each name-check problem code in Chinese, with the rule it comes from (企业名称自主申报, R1.3). */
const PROBLEMS: Record<string, { message: string; rule: string }> = {
  'unknown-division': {
    message: '行政区划不是已知的县级以上行政区划',
    rule: '名称应由行政区划、字号、行业、组织形式依次组成',
  },
  'division-outside-registering-city': {
    message: '行政区划不在登记机关所在城市',
    rule: '名称冠以登记机关所在地行政区划',
  },
  'trade-name-too-short': { message: '字号至少应为两个汉字', rule: '字号应当由两个以上汉字组成' },
  'invalid-characters': { message: '含有不允许使用的字符', rule: '名称应当使用规范汉字' },
  'arabic-numerals-not-allowed': { message: '字号中不得使用阿拉伯数字', rule: '仅试点区域允许字号使用阿拉伯数字' },
  'latin-letters-not-allowed': {
    message: '字号中不得使用英文字母',
    rule: '仅申请人自有注册商标的英文字母可用于字号（试点）',
  },
  'latin-letters-not-own-trademark': {
    message: '字号中的英文字母不是申请人的注册商标',
    rule: '仅申请人自有注册商标的英文字母可用于字号（试点）',
  },
  'trade-name-is-place-name': {
    message: '字号不得使用县级以上行政区划名称',
    rule: '字号不得为县级以上行政区划名称（如“海淀”）',
  },
  'trade-name-is-industry-term': { message: '字号不得使用行业表述用语', rule: '字号不得为行业用语' },
  'missing-industry': { message: '缺少行业表述', rule: '名称应当标明行业或经营特点' },
  'unknown-organization-form': {
    message: '组织形式不是登记机关认可的组织形式',
    rule: '名称应当标明组织形式（如“有限公司”）',
  },
  'prohibited-content': { message: '名称含有禁止使用的内容', rule: '不得含有党政军机关名称、外国国家名称或误导性文字' },
  'identical-trade-name': {
    message: '同一城市同行业已有相同字号（含保留中、一年内注销或变更的名称）',
    rule: '同一登记机关辖区同行业不得与已登记、已保留的名称字号相同',
  },
};

export function nameProblemZh(code: string, fallback: string): { message: string; rule: string } {
  return PROBLEMS[code] ?? { message: fallback, rule: '企业名称登记管理规定' };
}
