import { z } from 'zod';
import { loadEnv, serviceEnvSchema } from '@govflow/config';

export const registrationEnvSchema = serviceEnvSchema({ port: 3001, database: 'registration' }).extend({
  /** GB/T 2260 division of this registering authority: positions 3–8 of every credit code it issues (R1.6). */
  REGISTERING_DIVISION: z
    .string()
    .regex(/^\d{6}$/, 'must be a 6-digit GB/T 2260 division code')
    .default('110108'),
  /** Short name of the city whose names register the name check searches (R1.3), e.g. 北京. */
  REGISTERING_CITY: z.string().trim().min(1, 'must not be empty').default('北京'),
});
export type RegistrationConfig = z.infer<typeof registrationEnvSchema>;

export const loadRegistrationConfig = (env = process.env): RegistrationConfig => loadEnv(registrationEnvSchema, env);
