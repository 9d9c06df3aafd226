import { type Actor as ContractActor, type Department, departments, type Role, roles } from '@govflow/contracts';
import { z } from 'zod';

export type { Department, Role };

/**
 * The authenticated person behind a request. Unlike the contracts' Actor it carries the username and says
 * `department: null` outright, since it is what GET /api/me answers; toContractActor gives the shape events
 * and workflows take.
 */
export interface Actor {
  id: string;
  username: string;
  role: Role;
  department: Department | null;
}

export const roleSchema = z.enum(roles);
export const departmentSchema = z.enum(departments);

export const actorSchema = z.object({
  id: z.string().min(1),
  username: z.string().min(1),
  role: roleSchema,
  department: departmentSchema.nullable(),
});

export const toContractActor = ({ id, role, department }: Actor): ContractActor =>
  department ? { id, role, department } : { id, role };
