import { Module } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { PLATFORM_OPTIONS, type PlatformOptions, TEMPORAL_CONNECTION } from '@govflow/platform';
import { CaseStarter } from './case-start';
import { CaseWorkflows } from './case-workflows';
import { TEMPORAL_CLIENT } from './temporal-client.token';

/** The Temporal client on the platform's lazy connection, in the configured namespace. */
@Module({
  providers: [
    {
      provide: TEMPORAL_CLIENT,
      inject: [TEMPORAL_CONNECTION, PLATFORM_OPTIONS],
      useFactory: (connection: Connection, options: PlatformOptions) =>
        new Client({ connection, namespace: options.temporalNamespace }),
    },
    CaseWorkflows,
    CaseStarter,
  ],
  exports: [TEMPORAL_CLIENT, CaseWorkflows, CaseStarter],
})
export class TemporalClientModule {}
