import { type INestApplication, Logger, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { InvalidConfiguration } from '@govflow/config';

/**
 * Boots a service: configuration is validated before anything starts; a bad value ends the process
 * with one line naming the variable, never a stack trace.
 */
export async function bootstrapService<C extends { PORT: number }>(
  name: string,
  loadConfig: () => C,
  createModule: (config: C) => Type<unknown> | import('@nestjs/common').DynamicModule,
): Promise<INestApplication | undefined> {
  let config: C;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof InvalidConfiguration)) throw error;
    process.stderr.write(`${name}: ${error.message}\n`);
    process.exitCode = 1;
    return undefined;
  }
  const app = await NestFactory.create(createModule(config), { logger: ['log', 'warn', 'error'] });
  app.enableShutdownHooks();
  await app.listen(config.PORT, '127.0.0.1');
  new Logger(name).log(`listening on http://127.0.0.1:${config.PORT}`);
  return app;
}
