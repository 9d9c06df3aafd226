import { type PermitCatalogue } from './permit-catalogue';
import { permitCatalogueV1 } from './permit-catalogue.v1';
import { type PermitMaterial, type PermitProcedure } from './permit-procedure';

const applicationForm: PermitMaterial = { key: 'applicationForm', nameZh: '申请书', required: true };
const premises: PermitMaterial = { key: 'premisesProof', nameZh: '经营场所使用证明', required: true };

const standard = (materials: PermitMaterial[], decisionWorkingDays: number): PermitProcedure => ({
  routes: ['standard'],
  materials: [applicationForm, ...materials],
  materialsNoticePeriod: { workingDays: 5 },
  decisionPeriod: { workingDays: decisionWorkingDays },
  validity: { years: 5 },
  renewalReminderWorkingDays: 30,
});

const filing = (materials: PermitMaterial[]): PermitProcedure => ({
  routes: ['filing'],
  materials: [applicationForm, ...materials],
  materialsNoticePeriod: { workingDays: 5 },
  decisionPeriod: { workingDays: 1 },
});

// The food business permit as 《食品经营许可和备案管理办法》 (市场监管总局令第78号, in force 2023-12-01) sets it out:
// 10 working days to decide, 5 years' validity, 告知承诺 optional. The spot-check share is the authority's own setting.
const procedures: Readonly<Record<string, PermitProcedure>> = {
  'food-business-permit': {
    ...standard([premises, { key: 'foodSafetyRules', nameZh: '食品安全管理制度', required: true }], 10),
    routes: ['standard', 'commitment'],
    conditions: {
      version: 'food-commitment-2026-11',
      textZh:
        '申请人承诺：具有与经营的食品品种、数量相适应的经营场所；配备食品安全管理人员；建立食品安全管理制度；' +
        '所提交材料真实、合法、有效。如承诺不实，愿意承担被撤销许可、记入信用记录等法律责任。',
    },
    spotCheck: { sharePercent: 20, inspectionPeriod: { workingDays: 20 } },
  },
  'prepackaged-food-filing': filing([premises]),
  'road-freight-permit': {
    ...standard([{ key: 'vehicleList', nameZh: '车辆情况说明', required: true }], 20),
    validity: { years: 4 },
    routes: ['standard', 'commitment'],
    conditions: {
      version: 'road-freight-commitment-2026-11',
      textZh:
        '申请人承诺：有与其经营业务相适应并经检测合格的车辆；有符合规定条件的驾驶人员；有健全的安全生产管理制度。' +
        '如承诺不实，愿意承担被撤销许可、记入信用记录等法律责任。',
    },
    spotCheck: { sharePercent: 20, inspectionPeriod: { workingDays: 20 } },
  },
  'road-dangerous-goods-permit': standard([{ key: 'vehicleList', nameZh: '专用车辆及设备情况', required: true }], 20),
  'network-culture-permit': {
    ...standard([{ key: 'contentRules', nameZh: '内容管理制度', required: true }], 20),
    validity: { years: 3 },
  },
  'icp-permit': standard([{ key: 'networkPlan', nameZh: '网络与信息安全保障措施', required: true }], 20),
  'publication-business-permit': standard([premises], 20),
  'class-ii-medical-device-filing': filing([premises]),
  'class-iii-medical-device-permit': standard([premises], 20),
  'human-resources-service-permit': standard([premises], 20),
  'hazardous-chemicals-permit': { ...standard([premises], 30), validity: { years: 3 } },
};

/** Version 1's items, each with how its case runs; a catalogue without procedures cannot open permit cases. */
export const permitCatalogueV2: PermitCatalogue = permitCatalogueV1.map((entry) => {
  const procedure = procedures[entry.code];
  if (!procedure) throw new Error(`catalogue-v2: no procedure for ${entry.code}`);
  return { ...entry, procedure };
});
