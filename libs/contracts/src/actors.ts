/** Every role the portal knows; a person acts in exactly one role per request. */
export const roles = [
  'registrant',
  'registration-officer',
  'permit-officer',
  'inspector',
  'tax-officer',
  'science-officer',
  'finance-officer',
  'expert-reviewer',
  /** A university or institute that opened its labs and sells research services for innovation vouchers (R4.2). */
  'provider',
  'administrator',
] as const;
export type Role = (typeof roles)[number];

/** The departments whose officers decide tasks; industry authorities match the permit catalogue's. */
export const departments = [
  'market-regulation',
  'tax',
  'science-commission',
  'finance',
  'expert-panel',
  'transport',
  'culture-and-tourism',
  'communications',
  'press-and-publication',
  'human-resources',
  'emergency-management',
] as const;
export type Department = (typeof departments)[number];

/** Who acts. Registrants belong to no department; `id` identifies the person across roles. */
export interface Actor {
  id: string;
  role: Role;
  department?: Department;
}
