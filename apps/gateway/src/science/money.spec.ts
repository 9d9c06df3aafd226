import fc from 'fast-check';
import { fenToYuan, percentRate, yuanAmount, yuanUpToPattern } from './money';

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

  it('documents a capped amount with a pattern that takes exactly the amounts above zero up to the cap', () => {
    for (const capFen of [200_000_00, 5_000_000_00, 1_00, 10_00]) {
      const pattern = new RegExp(yuanUpToPattern(capFen));
      fc.assert(
        fc.property(fc.integer({ min: 0, max: capFen * 3 }), fc.constantFrom(0, 1, 2), (fen, decimals) => {
          const text = (fen / 100).toFixed(decimals);
          // Only the spellings that say the amount exactly: 12.30 as "12.3" or "12.30", never as "12".
          if (Math.round(Number(text) * 100) !== fen) return;
          expect(pattern.test(text)).toBe(fen > 0 && fen <= capFen);
        }),
      );
      fc.assert(
        fc.property(fc.stringMatching(pattern), (text) => {
          const fen = yuanAmount.parse(text);
          expect(fen > 0 && fen <= capFen).toBe(true);
        }),
      );
    }
    expect(() => yuanUpToPattern(123_45)).toThrow(/not round/);
  });
});
