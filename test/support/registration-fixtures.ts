// Realistic establishment applications as a registrant files them through the portal (R1.1–R1.5).
export const residents = {
  zhangSan: { name: '张三', idNumber: '11010519491231002X' },
  liSi: { name: '李四', idNumber: '110108199001011231' },
};

export function establishmentApplication(tradeName: string, businessScope = ['技术开发', '技术咨询', '餐饮服务']) {
  return {
    name: { division: '北京', tradeName, industry: '科技', organizationForm: '有限公司' },
    entityType: 'limited-company',
    registeredCapital: { amount: '1000000.00', currency: 'CNY' },
    domicile: '北京市海淀区中关村大街27号1101室',
    businessScope,
    legalRepresentative: residents.zhangSan,
    shareholders: [
      { ...residents.zhangSan, subscribedAmount: '600000.00' },
      { ...residents.liSi, subscribedAmount: '400000.00' },
    ],
  };
}

/** Two-character trade names that pass the name rules and differ per call (for repeated runs and benchmarks). */
const syllables = [...'星河云帆青松明远睿智嘉禾华彩鼎盛恒通博雅启航锦程瑞丰宏图卓越'];
export function tradeName(i: number): string {
  const n = syllables.length;
  return `${syllables[i % n]}${syllables[Math.floor(i / n) % n]}${i >= n * n ? syllables[Math.floor(i / (n * n)) % n] : ''}`;
}
