import { Module } from '@nestjs/common';
import { TemporalClientModule } from '../temporal/temporal-client.module';
import { EnterpriseDirectory } from './enterprise-directory.store';
import { EnterprisesController } from './enterprises.controller';
import { PermitsController } from './permits.controller';
import { PermitWorkflows } from './permit-workflows.service';

@Module({
  imports: [TemporalClientModule],
  controllers: [PermitsController, EnterprisesController],
  providers: [PermitWorkflows, EnterpriseDirectory],
  exports: [EnterpriseDirectory, PermitWorkflows],
})
export class PermitsModule {}
