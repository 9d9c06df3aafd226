import { z } from 'zod';

export class InvalidConfiguration extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(`Invalid configuration: ${problems.map((p) => `${p.variable}: ${p.message}`).join('; ')}`);
    this.name = 'InvalidConfiguration';
  }
}

/** Parses the environment with `schema`; every bad variable is named with its reason. */
export function loadEnv<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  throw new InvalidConfiguration(
    result.error.issues.map((issue) => {
      const variable = issue.path.join('.') || '(environment)';
      const raw = env[variable];
      return { variable, message: raw === undefined ? issue.message : `${issue.message} (got "${raw}")` };
    }),
  );
}
