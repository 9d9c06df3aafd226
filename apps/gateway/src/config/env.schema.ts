import { z } from 'zod';
import { loadEnv, serviceEnvSchema } from '@govflow/config';

/** Signs tokens in development and test only: a production start refuses it. */
export const DEVELOPMENT_SIGNING_SECRET = 'govflow-development-signing-secret-never-use-in-production';
const MIN_PRODUCTION_SECRET_LENGTH = 32;

const optional = <S extends z.ZodType>(schema: S) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

export const gatewayEnvSchema = serviceEnvSchema({ port: 3000, database: 'gateway' })
  .extend({
    AUTH_SIGNING_SECRET: optional(z.string()),
    AUTH_TOKEN_TTL_SECONDS: z.coerce
      .number({ error: 'must be a number of seconds' })
      .int('must be a whole number of seconds')
      .min(60, 'must be between 60 and 86400')
      .max(86400, 'must be between 60 and 86400')
      .default(3600),
    TEMPORAL_UI_URL: optional(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })),
    /** Where the services answer GET /integrity, for the administrators' integrity check. */
    REGISTRATION_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).default('http://127.0.0.1:3001'),
    TAX_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).default('http://127.0.0.1:3002'),
    PERMITS_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).default('http://127.0.0.1:3005'),
    SCIENCE_COMMISSION_URL: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
      .default('http://127.0.0.1:3003'),
    /** Prefix of the Kafka consumer groups that feed the read models; tests run with their own. */
    GATEWAY_CONSUMER_GROUP: z
      .string()
      .regex(/^[\w.-]{1,100}$/, 'must be 1 to 100 letters, digits, dots, dashes or underscores')
      .default('gateway'),
  })
  .superRefine((env, context) => {
    if (env.NODE_ENV !== 'production') return;
    const problem = productionSecretProblem(env.AUTH_SIGNING_SECRET);
    if (problem) context.addIssue({ code: 'custom', path: ['AUTH_SIGNING_SECRET'], message: problem });
  })
  .transform(({ AUTH_SIGNING_SECRET, ...env }) => ({
    ...env,
    AUTH_SIGNING_SECRET: AUTH_SIGNING_SECRET ?? DEVELOPMENT_SIGNING_SECRET,
  }));

function productionSecretProblem(secret: string | undefined): string | undefined {
  if (secret === undefined) return 'must be set when NODE_ENV is production';
  if (secret === DEVELOPMENT_SIGNING_SECRET) return 'must not be the development default when NODE_ENV is production';
  if (secret.length < MIN_PRODUCTION_SECRET_LENGTH) {
    return `must be at least ${MIN_PRODUCTION_SECRET_LENGTH} characters when NODE_ENV is production`;
  }
  return undefined;
}

export type GatewayConfig = z.infer<typeof gatewayEnvSchema>;

export const loadGatewayConfig = (env = process.env): GatewayConfig => loadEnv(gatewayEnvSchema, env);

/** Development and test seed the demo users; production refuses to run with them. */
export const isLocalMode = (config: Pick<GatewayConfig, 'NODE_ENV'>) => config.NODE_ENV !== 'production';
