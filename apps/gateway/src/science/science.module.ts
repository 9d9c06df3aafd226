import { Module } from '@nestjs/common';
import { TemporalClientModule } from '../temporal/temporal-client.module';
import { AssessmentsController } from './assessments.controller';
import { AssessmentWorkflows } from './assessments.service';
import { GrantsController } from './grants.controller';
import { MakerSpacesController } from './maker-spaces.controller';
import { PublicNoticesController } from './public-notices.controller';
import { ScienceWorkflows } from './science-workflows.service';

/** The science commission's API: maker-space recognition, grants with 公示 and objections, clawbacks, the annual assessment (R4). */
@Module({
  imports: [TemporalClientModule],
  controllers: [MakerSpacesController, GrantsController, PublicNoticesController, AssessmentsController],
  providers: [ScienceWorkflows, AssessmentWorkflows],
})
export class ScienceModule {}
