import { redactForLog } from './redact';

describe(redactForLog.name, () => {
  it('masks resident ID numbers, keeping region and the last four', () => {
    expect(redactForLog('id 11010519491231002X and 110108199001011231.')).toBe(
      'id 110105********002X and 110108********1231.',
    );
  });

  it('leaves longer digit runs and ordinary numbers alone', () => {
    expect(redactForLog('offset 1234567890123456789012 and 42')).toBe('offset 1234567890123456789012 and 42');
  });

  it('replaces bearer tokens and values named like secrets', () => {
    expect(redactForLog('Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1In0.c2ln sent')).toBe('Bearer [token] sent');
    expect(redactForLog('{"password":"demo","username":"a"}')).toBe('{"password":"[redacted]","username":"a"}');
    expect(redactForLog('AUTH_SIGNING_SECRET=abc')).toBe('AUTH_SIGNING_SECRET=[redacted]');
  });
});
