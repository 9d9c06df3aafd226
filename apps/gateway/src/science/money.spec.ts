import { fenToYuan, percentRate, yuanAmount } from './money';

describe('money at the edge', () => {
  it('reads yuan strings into whole fen without floating point', () => {
    expect(yuanAmount.parse('300000')).toBe(30_000_000);
    expect(yuanAmount.parse('0.1')).toBe(10);
    expect(yuanAmount.parse('123.45')).toBe(12_345);
    expect(yuanAmount.safeParse('1.005').success).toBe(false);
    expect(yuanAmount.safeParse('-1').success).toBe(false);
  });

  it('shows fen as yuan with two decimals', () => {
    expect(fenToYuan(50_000_000)).toBe('500000.00');
    expect(fenToYuan(12_345)).toBe('123.45');
    expect(fenToYuan(5)).toBe('0.05');
  });

  it('reads percentages into basis points', () => {
    expect(percentRate.parse('20')).toBe(2_000);
    expect(percentRate.parse('12.5')).toBe(1_250);
    expect(percentRate.safeParse('abc').success).toBe(false);
  });
});
