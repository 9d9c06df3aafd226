export { PlatformModule } from './platform.module';
export { HealthRegistry, type HealthCheck } from './health.registry';
export { bootstrapService } from './bootstrap';
export { PG_POOL, KAFKA, TEMPORAL_CONNECTION, PLATFORM_OPTIONS, platformOptions } from './tokens';
export type { PlatformOptions, PlatformConfig } from './tokens';
export { TemporalWorkerModule } from './temporal-worker/temporal-worker.module';
export { TemporalWorkerService, type WorkerSpec } from './temporal-worker/temporal-worker.service';
export { OutboxPublisher } from './outbox/outbox-publisher';
export { migrateUnderLock } from './database/migrate-under-lock';
