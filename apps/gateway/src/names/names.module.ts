import { Module } from '@nestjs/common';
import { TemporalClientModule } from '../temporal/temporal-client.module';
import { CheckNameController } from './check-name/check-name.controller';
import { NameCheck } from './check-name/name-check.service';

@Module({ imports: [TemporalClientModule], controllers: [CheckNameController], providers: [NameCheck] })
export class NamesModule {}
