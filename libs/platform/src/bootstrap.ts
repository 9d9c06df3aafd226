import { type DynamicModule, type INestApplication, Logger, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { InvalidConfiguration } from '@govflow/config';
import { RedactingLogger } from './logging/redacting-logger';

/**
 * Boots a service: configuration is validated before anything starts; a bad value ends the process
 * with one line naming the variable, never a stack trace. A start-up check that finds the configuration
 * unsafe (throwing InvalidConfiguration from onModuleInit) ends it the same way.
 * `configure` runs on the created application before it listens (OpenAPI, for one).
 */
export async function bootstrapService<C extends { PORT: number }>(
  name: string,
  loadConfig: () => C,
  createModule: (config: C) => Type<unknown> | DynamicModule,
  configure?: (app: INestApplication, config: C) => void | Promise<void>,
): Promise<INestApplication | undefined> {
  let config: C;
  try {
    config = loadConfig();
  } catch (error) {
    return refuse(name, error);
  }
  const logger = new RedactingLogger({ logLevels: ['log', 'warn', 'error'] });
  const app = await NestFactory.create(createModule(config), { logger });
  app.enableShutdownHooks();
  try {
    await configure?.(app, config);
    await app.listen(config.PORT, '127.0.0.1');
  } catch (error) {
    if (error instanceof InvalidConfiguration) await app.close().catch(() => undefined);
    return refuse(name, error);
  }
  new Logger(name).log(`listening on http://127.0.0.1:${config.PORT}`);
  return app;
}

function refuse(name: string, error: unknown): undefined {
  if (!(error instanceof InvalidConfiguration)) throw error;
  process.stderr.write(`${name}: ${error.message}\n`);
  process.exitCode = 1;
  return undefined;
}
