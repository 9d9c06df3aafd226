import { jcs } from './jcs';

describe('jcs (RFC 8785)', () => {
  it('sorts keys by UTF-16 code units at every depth, with no whitespace', () => {
    // RFC 8785 §3.2.3's sorting example: keys given out of order, including non-BMP and control characters.
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    const encoded = jcs(input);
    const keys = Object.keys(input).sort(
      (a, b) => encoded.indexOf(JSON.stringify(a)) - encoded.indexOf(JSON.stringify(b)),
    );
    expect(keys).toEqual(['\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33']);
    expect(jcs({ b: [1, { d: 1, c: 2 }], a: null })).toBe('{"a":null,"b":[1,{"c":2,"d":1}]}');
  });

  it('writes numbers as ECMAScript does (RFC 8785 §3.2.2.3 examples)', () => {
    expect(jcs([Number('333333333.33333329'), 1e30, 4.5, 0.002, 1e-27, -0])).toBe(
      '[333333333.3333333,1e+30,4.5,0.002,1e-27,0]',
    );
  });

  it('escapes strings minimally', () => {
    expect(jcs('\u20ac$\u000f\nA\'B"\\\\"/')).toBe('"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"');
  });

  it('refuses what JSON cannot carry', () => {
    expect(() => jcs({ a: undefined })).toThrow(TypeError);
    expect(() => jcs(Number.NaN)).toThrow(TypeError);
    expect(() => jcs(1n)).toThrow(TypeError);
  });
});
