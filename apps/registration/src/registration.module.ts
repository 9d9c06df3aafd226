import { type DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, platformOptions } from '@govflow/platform';
import type { RegistrationConfig } from './config/env.schema';

@Module({})
export class RegistrationModule {
  static register(config: RegistrationConfig): DynamicModule {
    return { module: RegistrationModule, imports: [PlatformModule.forRoot(platformOptions('registration', config))] };
  }
}
