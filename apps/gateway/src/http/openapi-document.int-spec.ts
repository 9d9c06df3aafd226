import { bootGateway, type BootedGateway } from '../testing/booted-gateway';

jest.setTimeout(120_000);

interface Operation {
  responses?: Record<string, unknown>;
}

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
});
