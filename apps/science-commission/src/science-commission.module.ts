import { type DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, platformOptions } from '@govflow/platform';
import type { ScienceCommissionConfig } from './config/env.schema';

@Module({})
export class ScienceCommissionModule {
  static register(config: ScienceCommissionConfig): DynamicModule {
    return {
      module: ScienceCommissionModule,
      imports: [PlatformModule.forRoot(platformOptions('science-commission', config))],
    };
  }
}
