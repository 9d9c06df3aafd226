import { namePolicies } from '@govflow/policy';
import type { FieldError } from '../../http/api-error';
import { BUSINESS_SCOPE_TERMS } from './business-scope-terms';

export interface ShareholderRow {
  name: string;
  idNumber: string;
  amount: string;
}

/** The application as the form holds it: text as typed, before the API parses it. */
export interface ApplicationDraft {
  division: string;
  tradeName: string;
  industry: string;
  organizationForm: string;
  entityType: string;
  capitalAmount: string;
  domicile: string;
  businessPremises: string;
  scopeTerms: string[];
  scopeOther: string;
  lrName: string;
  lrIdNumber: string;
  shareholders: ShareholderRow[];
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const list = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(text).filter(Boolean);

const isBlankRow = (row: ShareholderRow) => !row.name && !row.idNumber && !row.amount;

/** Reads a posted form; blank shareholder rows are dropped, so the row numbers in errors match the page. */
export function draftFromForm(form: Record<string, unknown>): ApplicationDraft {
  const rows: ShareholderRow[] = [];
  for (let i = 0; i < 50; i++) {
    if (!(`sh${i}Name` in form)) break;
    rows.push({
      name: text(form[`sh${i}Name`]),
      idNumber: text(form[`sh${i}IdNumber`]),
      amount: text(form[`sh${i}Amount`]),
    });
  }
  return {
    division: text(form.division),
    tradeName: text(form.tradeName),
    industry: text(form.industry),
    organizationForm: text(form.organizationForm),
    entityType: text(form.entityType),
    capitalAmount: text(form.capitalAmount),
    domicile: text(form.domicile),
    businessPremises: text(form.businessPremises),
    scopeTerms: list(form.scopeTerms).filter((term) => BUSINESS_SCOPE_TERMS.includes(term)),
    scopeOther: typeof form.scopeOther === 'string' ? form.scopeOther : '',
    lrName: text(form.lrName),
    lrIdNumber: text(form.lrIdNumber).toUpperCase(),
    shareholders: rows.filter((row) => !isBlankRow(row)),
  };
}

export const emptyDraft = (name: Partial<ApplicationDraft> = {}): ApplicationDraft => ({
  ...draftFromForm({}),
  entityType: 'limited-company',
  organizationForm: '有限公司',
  ...name,
});

export const businessScopeOf = (draft: ApplicationDraft) => [
  ...draft.scopeTerms,
  ...draft.scopeOther
    .split(/[\n；;]/)
    .map((item) => item.trim())
    .filter(Boolean),
];

/** The JSON body POST /api/registrations takes. */
export function applicationRequestOf(draft: ApplicationDraft) {
  return {
    name: {
      division: draft.division,
      tradeName: draft.tradeName,
      industry: draft.industry,
      organizationForm: draft.organizationForm,
    },
    entityType: draft.entityType,
    registeredCapital: { amount: draft.capitalAmount, currency: 'CNY' },
    domicile: draft.domicile,
    ...(draft.businessPremises ? { businessPremises: draft.businessPremises } : {}),
    businessScope: businessScopeOf(draft),
    legalRepresentative: { name: draft.lrName, idNumber: draft.lrIdNumber },
    shareholders: draft.shareholders.map((row) => ({
      name: row.name,
      idNumber: row.idNumber,
      subscribedAmount: row.amount,
    })),
  };
}

/** The form's field for an API field path, and its label with the official term. */
export function formFieldOf(apiField: string | null): { id: string; label: string } | undefined {
  if (apiField === null) return undefined;
  const holder = /^shareholders\.(\d+)\.?(name|idNumber|subscribedAmount)?/.exec(apiField);
  if (holder) {
    const row = Number(holder[1]);
    const part = holder[2] ?? 'name';
    const suffix = { name: 'Name', idNumber: 'IdNumber', subscribedAmount: 'Amount' }[part] ?? 'Name';
    const what = { name: '姓名', idNumber: '身份证号码', subscribedAmount: '认缴出资额' }[part] ?? '姓名';
    return { id: `sh${row}${suffix}`, label: `第${row + 1}位股东的${what}` };
  }
  const known: Record<string, { id: string; label: string }> = {
    'name.division': { id: 'division', label: '行政区划' },
    'name.tradeName': { id: 'tradeName', label: '字号' },
    'name.industry': { id: 'industry', label: '行业表述' },
    'name.organizationForm': { id: 'organizationForm', label: '组织形式' },
    'name.organisationForm': { id: 'organizationForm', label: '组织形式' },
    name: { id: 'tradeName', label: '企业名称' },
    entityType: { id: 'entityType', label: '企业类型' },
    registeredCapital: { id: 'capitalAmount', label: '注册资本' },
    'registeredCapital.amount': { id: 'capitalAmount', label: '注册资本' },
    'registeredCapital.currency': { id: 'capitalAmount', label: '注册资本币种' },
    domicile: { id: 'domicile', label: '住所' },
    businessPremises: { id: 'businessPremises', label: '经营场所' },
    businessScope: { id: 'scopeOther', label: '经营范围' },
    'legalRepresentative.name': { id: 'lrName', label: '法定代表人姓名' },
    'legalRepresentative.idNumber': { id: 'lrIdNumber', label: '法定代表人身份证号码' },
    legalRepresentative: { id: 'lrName', label: '法定代表人' },
    shareholders: { id: 'sh0Name', label: '股东' },
  };
  return known[apiField] ?? known[apiField.replace(/\.\d+$/, '')] ?? known[apiField.split('.')[0] ?? ''];
}

/** The API's message for a field, said in Chinese for the registrant. */
export function messageZh(label: string, message: string): string {
  if (/must not be empty|is required/.test(message)) return `请填写${label}`;
  if (/at least one item/.test(message)) return '请至少选择或填写一项经营范围';
  if (/limited company needs a shareholder/.test(message)) return '有限责任公司至少需要一名股东，请填写股东信息';
  if (/positive number|greater than zero|decimal/.test(message)) return `${label}须为大于零的金额（元），最多两位小数`;
  if (/18 characters|birth date|check character/.test(message)) return `${label}不是有效的18位居民身份证号码`;
  const tooLong = /at most (\d+) characters/.exec(message);
  if (tooLong) return `${label}不能超过${tooLong[1]}个字`;
  if (/at most (\d+) items/.test(message)) return `${label}最多50项`;
  if (/division/.test(message)) return `${label}须从已知的行政区划中选择`;
  if (/Invalid option|expected one of/.test(message)) return `请选择${label}`;
  return `${label}：${message}`;
}

/** What the registrant typed into a form field, to tell an empty field from a wrong one. */
function typedInto(draft: ApplicationDraft | undefined, id: string): string | undefined {
  if (!draft) return undefined;
  const row = /^sh(\d+)(Name|IdNumber|Amount)$/.exec(id);
  if (row) {
    const holder = draft.shareholders[Number(row[1])];
    return holder && { Name: holder.name, IdNumber: holder.idNumber, Amount: holder.amount }[row[2] ?? 'Name'];
  }
  const value = (draft as unknown as Record<string, unknown>)[id];
  return typeof value === 'string' ? value : undefined;
}

/**
 * API field errors as the form shows them: each on its field, in Chinese, in the order of the page. A domain rule's
 * refusal (it has a `code`, e.g. a name rule of R1.3) is already in Chinese for registrants and is shown as it is.
 */
export function formErrorsOf(errors: readonly FieldError[], draft?: ApplicationDraft): FieldError[] {
  return errors.map((error) => {
    const field = formFieldOf(error.field);
    if (error.code) return { field: field?.id ?? null, message: error.message };
    if (field && typedInto(draft, field.id) === '') return { field: field.id, message: `请填写${field.label}` };
    return field
      ? { field: field.id, message: messageZh(field.label, error.message) }
      : { field: null, message: error.message };
  });
}

/** The divisions a name may start with, from the name policy in force (R1.3): chosen, never typed. */
export function knownDivisions(at = new Date()): { name: string; fullName: string }[] {
  return namePolicies.at(at).value.places.map(({ name, fullName, within }) => ({
    name,
    fullName: within ? `${within} · ${fullName}` : fullName,
  }));
}

export function nameVocabulary(at = new Date()) {
  const { industryTerms, organisationForms } = namePolicies.at(at).value;
  return { industryTerms, organisationForms };
}

/** The registering authority a name's division points to, e.g. 北京 → 北京市市场监督管理局, 海淀 → 北京市海淀区…. */
export function registeringAuthorityOf(division: string, at = new Date()): string {
  const places = namePolicies.at(at).value.places;
  const place = places.find((p) => p.name === division || p.fullName === division);
  if (!place) return `${division}市场监督管理局`;
  const enclosing = place.within ? places.find((p) => p.name === place.within) : undefined;
  return `${enclosing?.fullName ?? ''}${place.fullName}市场监督管理局`;
}
