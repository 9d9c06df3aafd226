import { z } from 'zod';

export const submitRegistrationResponse = z.object({
  caseId: z.uuid().describe('the case id; the registration workflow runs as registration-<caseId>'),
});
