import { z } from 'zod';
import { RequestValidationFailed } from './api-error';
import { ZodValidationPipe } from './zod-validation.pipe';

describe(ZodValidationPipe.name, () => {
  const schema = z.object({
    username: z.string().trim().min(1, 'must not be empty'),
    address: z.object({ city: z.string() }).optional(),
    tags: z.array(z.string()).optional(),
  });
  const sut = new ZodValidationPipe(schema);

  const errorsFor = (value: unknown) => {
    try {
      sut.transform(value);
    } catch (error) {
      if (error instanceof RequestValidationFailed) return error.errors;
      throw error;
    }
    throw new Error('expected the value to be refused');
  };

  it('returns the parsed value', () => {
    expect(sut.transform({ username: '  ada ', extra: true })).toEqual({ username: 'ada' });
  });

  it('names a missing field as required', () => {
    expect(errorsFor({})).toEqual([{ field: 'username', message: 'is required' }]);
  });

  it('names every bad field with its reason, nested ones by dotted path', () => {
    expect(errorsFor({ username: ' ', address: { city: 7 }, tags: ['ok', 3] })).toEqual([
      { field: 'username', message: 'must not be empty' },
      { field: 'address.city', message: 'Invalid input: expected string, received number' },
      { field: 'tags.1', message: 'Invalid input: expected string, received number' },
    ]);
  });

  it.each([undefined, null, 'text', [1, 2]])('refuses a body that is not an object (%p) as a whole', (value) => {
    expect(errorsFor(value)).toEqual([{ field: null, message: 'request body must be a JSON object' }]);
  });
});
