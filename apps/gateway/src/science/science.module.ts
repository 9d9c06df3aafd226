import { Module } from '@nestjs/common';
import { PermitsModule } from '../permits/permits.module';
import { UsersModule } from '../auth/users/users.module';
import { TemporalClientModule } from '../temporal/temporal-client.module';
import { AssessmentsController } from './assessments.controller';
import { AssessmentWorkflows } from './assessments.service';
import { GrantsController } from './grants.controller';
import { MakerSpacesController } from './maker-spaces.controller';
import { PublicNoticesController } from './public-notices.controller';
import { ScienceRecordController } from './record/science-record.controller';
import { ScienceRecords } from './record/science-record.store';
import { ScienceWorkflows } from './science-workflows.service';
import { VouchersController } from './vouchers.controller';
import { VoucherWorkflows } from './voucher-workflows.service';

/**
 * The science commission's API: maker spaces, grants with 公示 and objections, clawbacks, the science record, vouchers
 * and the annual assessment (R4).
 */
@Module({
  imports: [TemporalClientModule, PermitsModule, UsersModule],
  controllers: [
    MakerSpacesController,
    GrantsController,
    PublicNoticesController,
    ScienceRecordController,
    VouchersController,
    AssessmentsController,
  ],
  providers: [ScienceWorkflows, ScienceRecords, VoucherWorkflows, AssessmentWorkflows],
})
export class ScienceModule {}
