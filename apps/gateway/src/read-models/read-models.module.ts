import { type DynamicModule, Module } from '@nestjs/common';
import { ReadModelConsumers } from './read-model-consumers';
import { READ_MODEL_FEEDS, readModelFeeds } from './read-model-feeds';
import { ReadModelStatusController } from './read-model-status/read-model-status.controller';
import { RebuildReadModelController } from './rebuild-read-model/rebuild-read-model.controller';

/** Feeds the inbox and audit read models from Kafka, in consumer groups named `<groupPrefix>.<read model>…`. */
@Module({})
export class ReadModelsModule {
  static register(groupPrefix: string): DynamicModule {
    return {
      module: ReadModelsModule,
      controllers: [RebuildReadModelController, ReadModelStatusController],
      providers: [{ provide: READ_MODEL_FEEDS, useValue: readModelFeeds(groupPrefix) }, ReadModelConsumers],
    };
  }
}
