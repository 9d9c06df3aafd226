const words = (list: string): readonly string[] => list.split(/\s+/).filter(Boolean);

/** Industry expressions common in names; a trade name may not be one of them. */
export const industryTermsV1 = words(`
  科技 技术 信息技术 网络科技 软件 电子 生物科技 医药 教育科技 贸易 商贸 咨询 管理咨询 投资管理
  文化 文化传媒 传媒 广告 餐饮 餐饮管理 食品 物流 建筑 设计 服装 农业
`);

/** Organisational forms (组织形式) the registry accepts at the end of a name. */
export const organisationFormsV1 = words(`
  有限公司 有限责任公司 股份有限公司 中心（普通合伙） 中心（有限合伙） 合伙企业（普通合伙） 合伙企业（有限合伙）
  工作室 中心 店 厂 专业合作社
`);
