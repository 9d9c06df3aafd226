import type { RegistrationConfig } from './env.schema';

/** What makes this deployment one registering authority: where it registers, whose names it keeps. */
export interface RegistrationSettings {
  registeringDivision: string;
  registeringCity: string;
}

export const REGISTRATION_SETTINGS = Symbol('REGISTRATION_SETTINGS');

export const registrationSettings = (config: RegistrationConfig): RegistrationSettings => ({
  registeringDivision: config.REGISTERING_DIVISION,
  registeringCity: config.REGISTERING_CITY,
});
