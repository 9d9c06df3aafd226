import { Module } from '@nestjs/common';
import { TemporalClientModule } from '../temporal/temporal-client.module';
import { GrantsController } from './grants.controller';
import { MakerSpacesController } from './maker-spaces.controller';
import { PublicNoticesController } from './public-notices.controller';
import { ScienceWorkflows } from './science-workflows.service';

/** The science commission's API: maker-space recognition, grants with 公示 and objections, clawbacks (R4). */
@Module({
  imports: [TemporalClientModule],
  controllers: [MakerSpacesController, GrantsController, PublicNoticesController],
  providers: [ScienceWorkflows],
})
export class ScienceModule {}
