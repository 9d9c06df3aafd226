import { Module } from '@nestjs/common';
import { TemporalClientModule } from '../temporal/temporal-client.module';
import { AnnouncementsController } from './announcements.controller';
import { DeregistrationsController } from './deregistrations.controller';
import { DeregistrationWorkflows } from './deregistration-workflows.service';

@Module({
  imports: [TemporalClientModule],
  controllers: [DeregistrationsController, AnnouncementsController],
  providers: [DeregistrationWorkflows],
})
export class DeregistrationsModule {}
