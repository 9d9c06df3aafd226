import { Module } from '@nestjs/common';
import { PermitsModule } from '../permits/permits.module';
import { TemporalClientModule } from '../temporal/temporal-client.module';
import { GrantsController } from './grants.controller';
import { MakerSpacesController } from './maker-spaces.controller';
import { PublicNoticesController } from './public-notices.controller';
import { ScienceRecordController } from './record/science-record.controller';
import { ScienceRecords } from './record/science-record.store';
import { ScienceWorkflows } from './science-workflows.service';

/** The science commission's API: maker-space recognition, grants with 公示 and objections, clawbacks (R4). */
@Module({
  imports: [TemporalClientModule, PermitsModule],
  controllers: [MakerSpacesController, GrantsController, PublicNoticesController, ScienceRecordController],
  providers: [ScienceWorkflows, ScienceRecords],
})
export class ScienceModule {}
