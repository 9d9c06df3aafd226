import { fieldZh, statusZh, valueText } from './time-machine.labels';

describe('the time machine in Chinese', () => {
  it('names statuses by the kind of thing they belong to, keeping unknown codes visible', () => {
    expect(statusZh('establishment-case', 'licensed')).toBe('已核发营业执照');
    expect(statusZh('tax-record', 'open')).toBe('已办理税务登记');
    expect(statusZh('task', 'open')).toBe('待认领');
    expect(statusZh('permit-case', 'open')).toBe('待办理');
    expect(statusZh('task', null)).toBe('—');
    expect(statusZh('task', 'novel')).toBe('novel');
  });

  it('labels dotted field paths by their first part, and shows values as text', () => {
    expect(fieldZh('creditCode')).toBe('统一社会信用代码');
    expect(fieldZh('decision.by.id')).toBe('审核决定 · by.id');
    expect(fieldZh('assigned_at_sequence')).toBe('assigned_at_sequence');
    expect([valueText(null), valueText('甲'), valueText(['a'])]).toEqual(['—', '甲', '["a"]']);
  });
});
