import { Module } from '@nestjs/common';
import { TemporalClientModule } from '../temporal/temporal-client.module';
import { ReadSupervisionController } from './read-supervision/read-supervision.controller';
import { RecordSupervisionController } from './record-supervision/record-supervision.controller';
import { Supervision } from './supervision.service';

@Module({
  imports: [TemporalClientModule],
  controllers: [RecordSupervisionController, ReadSupervisionController],
  providers: [Supervision],
})
export class SupervisionModule {}
