/**
 * Business-scope wording from the standard catalogue (经营范围规范表述) that the application offers as checkboxes;
 * registrants add anything else as free text. Items that need a post-license permit (先照后证) say so on the page.
 */
export const BUSINESS_SCOPE_TERMS: readonly string[] = [
  '技术开发',
  '技术咨询',
  '技术服务',
  '软件开发',
  '信息系统集成服务',
  '数据处理和存储支持服务',
  '企业管理咨询',
  '市场营销策划',
  '会议及展览服务',
  '广告设计、代理',
  '餐饮服务',
  '食品销售（仅销售预包装食品）',
  '道路普通货物运输',
  '互联网信息服务',
  '出版物零售',
  '人力资源服务',
];
