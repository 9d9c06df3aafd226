import { type DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, platformOptions } from '@govflow/platform';
import type { TaxConfig } from './config/env.schema';

@Module({})
export class TaxModule {
  static register(config: TaxConfig): DynamicModule {
    return { module: TaxModule, imports: [PlatformModule.forRoot(platformOptions('tax', config))] };
  }
}
