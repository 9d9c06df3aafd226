import { departmentZh, roleZh } from './labels';

const chinaTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});
const chinaDate = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
});

const asDate = (value: unknown) => (typeof value === 'string' || value instanceof Date ? new Date(value) : undefined);

/** Filters the templates use: times in Beijing time, official Chinese names of roles and departments. */
export const portalFilters: Record<string, (...args: never[]) => unknown> = {
  dateTime: (value: unknown) => {
    const date = asDate(value);
    return date && !Number.isNaN(date.getTime()) ? chinaTime.format(date) : '';
  },
  date: (value: unknown) => {
    const date = asDate(value);
    return date && !Number.isNaN(date.getTime()) ? chinaDate.format(date) : '';
  },
  role: (value: string) => roleZh(value),
  department: (value: string | null | undefined) => departmentZh(value),
  /** aria-describedby (hint, then error) and aria-invalid for a field, as GOV.UK's inputs have them. */
  describedBy: (errors: { field: string | null }[] | undefined, id: string, hint: string) => {
    const failed = (errors ?? []).some((error) => error.field === id);
    const ids = [hint ? `${id}-hint` : '', failed ? `${id}-error` : ''].filter(Boolean).join(' ');
    return `${ids ? `aria-describedby="${ids}"` : ''}${failed ? ' aria-invalid="true"' : ''}`;
  },
  yuan: (value: string) => {
    const [integer = '0', fraction = '00'] = String(value).split('.');
    return `${integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction.padEnd(2, '0')} 元`;
  },
};
