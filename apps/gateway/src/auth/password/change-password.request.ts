import { z } from 'zod';

export const changePasswordRequest = z
  .object({
    currentPassword: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
    newPassword: z.string().min(8, 'must be at least 8 characters').max(200, 'must be at most 200 characters'),
  })
  .strict()
  .refine((body) => body.newPassword !== body.currentPassword, {
    path: ['newPassword'],
    message: 'must differ from the current password',
  });
export type ChangePasswordRequest = z.output<typeof changePasswordRequest>;
