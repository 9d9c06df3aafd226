import { z } from 'zod';

export const loginRequest = z.object({
  username: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  password: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
});
export type LoginRequest = z.output<typeof loginRequest>;

export const loginResponse = z.object({
  accessToken: z.string().describe('send as "Authorization: Bearer <accessToken>"'),
  tokenType: z.literal('Bearer'),
  expiresIn: z.number().describe('seconds until the token expires'),
});
