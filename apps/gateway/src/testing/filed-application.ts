// Test support: an establishment application as a registrant sends it, amounts as numbers and strings alike.
export const zhang = { name: '张三', idNumber: '11010519491231002X' };
export const li = { name: '李四', idNumber: '110108199001011231' };

export const filedApplication = (tradeName = '星河') => ({
  name: { division: '北京', tradeName, industry: '科技', organizationForm: '有限公司' },
  entityType: 'limited-company',
  registeredCapital: { amount: '1000000.00', currency: 'CNY' },
  domicile: '北京市海淀区中关村大街27号1101室',
  businessScope: ['技术开发', '技术咨询'],
  legalRepresentative: zhang,
  shareholders: [
    { ...zhang, subscribedAmount: '600000' },
    { ...li, subscribedAmount: 400000 },
  ],
});
