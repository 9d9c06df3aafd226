import { z } from 'zod';

export class InvalidConfiguration extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(`Invalid configuration: ${problems.map((p) => `${p.variable}: ${p.message}`).join('; ')}`);
    this.name = 'InvalidConfiguration';
  }
}

// A secret's value must not reach the log, even a wrong one.
const isSecret = (variable: string) => /SECRET|PASSWORD|PRIVATE_KEY/i.test(variable);
// A URL may carry a password (postgres://user:password@host/db): show it without.
const withoutPassword = (raw: string) => raw.replace(/^([a-z][\w+.-]*:\/\/[^:/@]+):[^@]*@/i, '$1:***@');

/**
 * Parses the environment with `schema`; every bad variable is named with its reason. Every app whose schema has the
 * platform fields also gets the platform's rules across them (an accelerated clock never runs in production).
 */
export function loadEnv<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) {
    const problems = platformRuleProblems(result.data, env);
    if (problems.length > 0) throw new InvalidConfiguration(problems);
    return result.data;
  }
  throw new InvalidConfiguration(
    result.error.issues.map((issue) => {
      const variable = issue.path.join('.') || '(environment)';
      const raw = env[variable];
      const shown = raw === undefined || isSecret(variable) ? '' : ` (got "${withoutPassword(raw)}")`;
      return { variable, message: `${issue.message}${shown}` };
    }),
  );
}

function platformRuleProblems(config: unknown, env: NodeJS.ProcessEnv): { variable: string; message: string }[] {
  const { NODE_ENV, GOVFLOW_TIME_SCALE } = (config ?? {}) as { NODE_ENV?: unknown; GOVFLOW_TIME_SCALE?: unknown };
  if (NODE_ENV !== 'production' || GOVFLOW_TIME_SCALE === undefined || GOVFLOW_TIME_SCALE === 1) return [];
  const message = `must be 1 when NODE_ENV is production: the accelerated clock is for local runs only (got "${env.GOVFLOW_TIME_SCALE}")`;
  return [{ variable: 'GOVFLOW_TIME_SCALE', message }];
}
