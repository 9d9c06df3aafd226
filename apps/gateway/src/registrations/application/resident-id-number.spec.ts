import { residentIdCheckCharacter, residentIdNumberProblem } from './resident-id-number';

describe(residentIdNumberProblem.name, () => {
  it.each(['11010519491231002X', '110108199001011231', '440524200002290010'])('accepts %s', (idNumber) => {
    expect(residentIdNumberProblem(idNumber)).toBeUndefined();
  });

  it('computes the ISO 7064 MOD 11-2 check character, X standing for 10', () => {
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
    expect(residentIdCheckCharacter('11010819900101123')).toBe('1');
  });

  it.each([
    ['110108199001011234', 'has a wrong check character'],
    ['11010519491231002Y', 'must be 18 characters: 17 digits and a check character (0-9 or X)'],
    ['1101051949123100', 'must be 18 characters: 17 digits and a check character (0-9 or X)'],
    ['110105194902300020', 'has no valid birth date in positions 7-14'],
    ['110105185001010021', 'has no valid birth date in positions 7-14'],
  ])('refuses %s: %s', (idNumber, problem) => {
    expect(residentIdNumberProblem(idNumber)).toBe(problem);
  });
});
