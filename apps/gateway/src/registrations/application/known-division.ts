import { z } from 'zod';
import { namePolicies } from '@govflow/policy';

/** A division the name policy in force knows, by its short or full name (北京 or 北京市): never a code such as 110112. */
export const knownDivision = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(20, 'must be at most 20 characters')
  .refine(
    (division) => namePolicies.at(new Date()).value.places.some((p) => p.name === division || p.fullName === division),
    'must be a known administrative division (行政区划), such as 北京 or 海淀',
  )
  // The divisions of the policy in force when the document was made: what a generated client may send.
  .meta({
    enum: [...new Set(namePolicies.at(new Date()).value.places.flatMap((p) => [p.name, p.fullName]))],
  });
