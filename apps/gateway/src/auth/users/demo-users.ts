import type { Department, Role } from '@govflow/auth';

/** The well-known password of every demo user: which is why production refuses to start with them present. */
export const DEMO_PASSWORD = 'demo';

export interface DemoUser {
  username: string;
  role: Role;
  department: Department | null;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'registrant1', role: 'registrant', department: null },
  { username: 'registrant2', role: 'registrant', department: null },
  { username: 'reg-officer1', role: 'registration-officer', department: 'market-regulation' },
  { username: 'reg-officer2', role: 'registration-officer', department: 'market-regulation' },
  { username: 'tax-officer1', role: 'tax-officer', department: 'tax' },
  { username: 'sci-officer1', role: 'science-officer', department: 'science-commission' },
  { username: 'fin-officer1', role: 'finance-officer', department: 'finance' },
  // Four-eyes in the grant pipeline (R4.3) and the expert panel, walkable with seeded users.
  { username: 'sci-officer2', role: 'science-officer', department: 'science-commission' },
  { username: 'fin-officer2', role: 'finance-officer', department: 'finance' },
  { username: 'expert1', role: 'expert-reviewer', department: 'expert-panel' },
  { username: 'expert2', role: 'expert-reviewer', department: 'expert-panel' },
  { username: 'expert3', role: 'expert-reviewer', department: 'expert-panel' },
  { username: 'food-officer1', role: 'permit-officer', department: 'market-regulation' },
  { username: 'transport-officer1', role: 'permit-officer', department: 'transport' },
  { username: 'culture-officer1', role: 'permit-officer', department: 'culture-and-tourism' },
  // Spot checks of 告知承诺 grants go to the inspectors of the permit's authority: one for each authority offering it.
  { username: 'inspector1', role: 'inspector', department: 'market-regulation' },
  { username: 'transport-inspector1', role: 'inspector', department: 'transport' },
  // A university lab that sells research services for innovation vouchers (R4.2).
  { username: 'provider1', role: 'provider', department: null },
  { username: 'admin', role: 'administrator', department: null },
];
