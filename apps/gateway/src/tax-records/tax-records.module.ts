import { Module } from '@nestjs/common';
import { TemporalClientModule } from '../temporal/temporal-client.module';
import { TaxRecordsController } from './tax-records.controller';
import { TaxRecords } from './tax-records.service';

@Module({ imports: [TemporalClientModule], controllers: [TaxRecordsController], providers: [TaxRecords] })
export class TaxRecordsModule {}
