import { type DynamicModule, type InjectionToken, Module, type OptionalFactoryDependency } from '@nestjs/common';
import { TemporalWorkerService, WORKER_SPEC, type WorkerSpec } from './temporal-worker.service';

/** A Temporal worker whose activities can be Nest providers: `useFactory` receives what `inject` names. */
@Module({})
export class TemporalWorkerModule {
  static register(options: {
    imports?: DynamicModule['imports'];
    inject?: (InjectionToken | OptionalFactoryDependency)[];
    useFactory: (...deps: never[]) => WorkerSpec;
  }): DynamicModule {
    return {
      module: TemporalWorkerModule,
      imports: options.imports ?? [],
      providers: [
        { provide: WORKER_SPEC, useFactory: options.useFactory, inject: options.inject ?? [] },
        TemporalWorkerService,
      ],
    };
  }
}
