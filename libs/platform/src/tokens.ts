export const PG_POOL = Symbol('PG_POOL');
export const KAFKA = Symbol('KAFKA');
export const TEMPORAL_CONNECTION = Symbol('TEMPORAL_CONNECTION');
export const PLATFORM_OPTIONS = Symbol('PLATFORM_OPTIONS');

export interface PlatformOptions {
  service: string;
  databaseUrl?: string;
  kafkaBrokers: string[];
  temporalAddress: string;
  temporalNamespace: string;
  /** GOVFLOW_TIME_SCALE: 1 is real time; more (local runs only) makes the timers of new cases that much shorter. */
  timeScale: number;
}

/** The platform settings every service's validated config carries (see platformFields in @govflow/config). */
export interface PlatformConfig {
  KAFKA_BROKERS: string[];
  TEMPORAL_ADDRESS: string;
  TEMPORAL_NAMESPACE: string;
  DATABASE_URL?: string;
  GOVFLOW_TIME_SCALE?: number;
}

export const platformOptions = (service: string, config: PlatformConfig): PlatformOptions => ({
  service,
  databaseUrl: config.DATABASE_URL,
  kafkaBrokers: config.KAFKA_BROKERS,
  temporalAddress: config.TEMPORAL_ADDRESS,
  temporalNamespace: config.TEMPORAL_NAMESPACE,
  timeScale: config.GOVFLOW_TIME_SCALE ?? 1,
});
