import { bootGateway, type BootedGateway } from '../testing/booted-gateway';

jest.setTimeout(120_000);

interface Operation {
  responses?: Record<string, unknown>;
  parameters?: { name: string; in: string; schema?: Record<string, unknown> }[];
}

// Taken as any text on purpose: a malformed Last-Event-ID restarts the stream, a notice id that names no notice is
// a 404.
const FREE_TEXT = new Set(['header Last-Event-ID', 'path noticeId']);

// What Schemathesis found missing, kept from coming back: an operation without its success response (its
// status_code_conformance check fails on the first 200 it gets).
describe('the OpenAPI document', () => {
  let gateway: BootedGateway;
  let paths: Record<string, Record<string, Operation>>;

  beforeAll(async () => {
    gateway = await bootGateway();
    const base = await gateway.app.getUrl();
    paths = ((await (await fetch(`${base}/api/docs-json`)).json()) as { paths: typeof paths }).paths;
  });
  afterAll(() => gateway?.close());

  const operations = () =>
    Object.entries(paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({ id: `${method.toUpperCase()} ${path}`, operation })),
    );

  it('declares a success response for every operation', () => {
    const without = operations()
      .filter(({ operation }) => !Object.keys(operation.responses ?? {}).some((status) => /^[23]/.test(status)))
      .map(({ id }) => id);
    expect(without).toEqual([]);
    expect(operations().length).toBeGreaterThan(60);
  });

  it('states what the server enforces of every parameter: no plain string but the free-text ones', () => {
    const plain = operations().flatMap(({ id, operation }) =>
      (operation.parameters ?? [])
        .filter((parameter) => !FREE_TEXT.has(`${parameter.in} ${parameter.name}`))
        .filter(({ schema = {} }) => !['pattern', 'format', 'enum', 'maximum', 'minimum'].some((key) => key in schema))
        .filter(({ schema = {} }) => schema.type !== 'boolean')
        .map((parameter) => `${id} ${parameter.in} ${parameter.name}`),
    );
    expect(plain).toEqual([]);
  });
});
