import { Module } from '@nestjs/common';
import { PermitsModule } from '../permits/permits.module';
import { TemporalClientModule } from '../temporal/temporal-client.module';
import { TaxRecordReadModel } from './read-model/tax-record.store';
import { TaxRecordsController } from './tax-records.controller';
import { TaxRecords } from './tax-records.service';

@Module({
  imports: [TemporalClientModule, PermitsModule],
  controllers: [TaxRecordsController],
  providers: [TaxRecords, TaxRecordReadModel],
})
export class TaxRecordsModule {}
