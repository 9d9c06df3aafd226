import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Logger,
  NotFoundException,
  ServiceUnavailableException,
  BadGatewayException,
  UnauthorizedException,
} from '@nestjs/common';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { ApiErrorFilter } from './api-error.filter';
import { RequestValidationFailed } from './api-error';

describe(ApiErrorFilter.name, () => {
  const sut = new ApiErrorFilter();
  let logged: string[];

  beforeEach(() => {
    logged = [];
    jest.spyOn(Logger.prototype, 'error').mockImplementation((message: unknown) => void logged.push(String(message)));
  });
  afterEach(() => jest.restoreAllMocks());

  function answer(exception: unknown) {
    const sent: { status?: number; body?: unknown } = {};
    const response = {
      headersSent: false,
      status: (status: number) => ((sent.status = status), response),
      json: (body: unknown) => ((sent.body = body), response),
    };
    const request = { method: 'POST', originalUrl: '/api/things' };
    sut.catch(exception, new ExecutionContextHost([request, response]));
    return sent;
  }

  it('answers a validation failure with every field and its reason', () => {
    const errors = [
      { field: 'password', message: 'is required' },
      { field: 'address.city', message: 'must not be empty' },
    ];
    expect(answer(new RequestValidationFailed(errors))).toEqual({ status: 400, body: { errors } });
  });

  it.each([
    [new BadRequestException('Unexpected end of JSON input'), 400, 'Unexpected end of JSON input'],
    [new UnauthorizedException('access token has expired'), 401, 'access token has expired'],
    [new ForbiddenException('requires the role administrator'), 403, 'requires the role administrator'],
    [new NotFoundException('Cannot GET /nowhere'), 404, 'Cannot GET /nowhere'],
    [new ConflictException('case already decided'), 409, 'case already decided'],
  ])('answers %p as %i with its message and no field', (exception, status, message) => {
    expect(answer(exception)).toEqual({ status, body: { errors: [{ field: null, message }] } });
    expect(logged).toEqual([]);
  });

  it('keeps each message of an exception that carries several', () => {
    const exception = new BadRequestException(['first problem', 'second problem']);
    expect(answer(exception).body).toEqual({
      errors: [
        { field: null, message: 'first problem' },
        { field: null, message: 'second problem' },
      ],
    });
  });

  it('answers an unexpected error as 500 "internal error", logging the details only', () => {
    const sent = answer(new TypeError("Cannot read properties of undefined (reading 'secret')"));
    expect(sent).toEqual({ status: 500, body: { errors: [{ field: null, message: 'internal error' }] } });
    expect(JSON.stringify(sent)).not.toMatch(/secret|TypeError/);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/POST \/api\/things failed: TypeError: Cannot read properties[\s\S]*\n\s+at /);
  });

  it('answers a thrown non-Error value as 500 too', () => {
    expect(answer('a string')).toMatchObject({ status: 500 });
  });

  it('keeps the status of a deliberate 5xx but not its detail; a 503 says to try again', () => {
    expect(answer(new ServiceUnavailableException('temporal at 10.0.0.7 refused'))).toEqual({
      status: 503,
      body: { errors: [{ field: null, message: 'temporarily unavailable; try again' }] },
    });
    expect(answer(new BadGatewayException('tax at 10.0.0.8 answered nonsense'))).toEqual({
      status: 502,
      body: { errors: [{ field: null, message: 'internal error' }] },
    });
  });

  it('passes on the status and message of an Express middleware client error (body too large)', () => {
    const tooLarge = Object.assign(new Error('request entity too large'), { status: 413, expose: true });
    expect(answer(tooLarge)).toEqual({
      status: 413,
      body: { errors: [{ field: null, message: 'request entity too large' }] },
    });
  });
});
