import { type DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, platformOptions } from '@govflow/platform';
import type { GatewayConfig } from './config/env.schema';

@Module({})
export class GatewayModule {
  static register(config: GatewayConfig): DynamicModule {
    return { module: GatewayModule, imports: [PlatformModule.forRoot(platformOptions('gateway', config))] };
  }
}
