import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Kafka } from 'kafkajs';
import { Pool } from 'pg';
import { z } from 'zod';
import { Roles } from '@govflow/auth';
import { KAFKA, PG_POOL } from '@govflow/platform';
import { ApiErrorResponses, openApiSchemaOf } from '../../http/openapi-schema';
import { BEARER_SCHEME } from '../../http/openapi';
import { READ_MODEL_FEEDS, type ReadModelFeed, readModelNames } from '../read-model-feeds';

const readModelStatus = z.object({
  readModel: z.enum(readModelNames),
  table: z.string(),
  rows: z.number().int(),
  lag: z.number().int().nullable().describe('events on its topics not yet applied; null when Kafka does not answer'),
  feeds: z.array(z.object({ groupId: z.string(), topics: z.array(z.string()), lag: z.number().int().nullable() })),
});
type ReadModelStatus = z.infer<typeof readModelStatus>;

@ApiTags('admin')
@ApiBearerAuth(BEARER_SCHEME)
@Controller('api/admin/read-models')
export class ReadModelStatusController {
  constructor(
    @Inject(READ_MODEL_FEEDS) private readonly feeds: ReadModelFeed[],
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  @Get()
  @Roles('administrator')
  @ApiOperation({
    summary: 'Each read model: its rows and its lag behind the Kafka topics that feed it (administrators only)',
    description: "Lag is the sum over partitions of the topic's end offset minus the group's committed offset.",
  })
  @ApiOkResponse({ schema: openApiSchemaOf(z.array(readModelStatus)) })
  @ApiErrorResponses(401, 403)
  async status(): Promise<ReadModelStatus[]> {
    const lags = await this.lags();
    return Promise.all(
      readModelNames.map(async (readModel) => {
        const feeds = this.feeds.filter((feed) => feed.readModel === readModel);
        const table = feeds[0]?.projection.table ?? '';
        const { rows } = await this.pool.query<{ count: string }>(`SELECT count(*)::text AS count FROM ${table}`);
        const feedLags = feeds.map((feed) => ({
          groupId: feed.groupId,
          topics: feed.topics,
          lag: lags.get(feed) ?? null,
        }));
        const known = feedLags.map((feed) => feed.lag);
        return {
          readModel,
          table,
          rows: Number(rows[0]?.count ?? 0),
          lag: known.some((lag) => lag === null) ? null : known.reduce<number>((sum, lag) => sum + (lag ?? 0), 0),
          feeds: feedLags,
        };
      }),
    );
  }

  private async lags(): Promise<Map<ReadModelFeed, number>> {
    const lags = new Map<ReadModelFeed, number>();
    const admin = this.kafka.admin();
    try {
      await admin.connect();
      for (const feed of this.feeds) {
        let lag = 0;
        for (const topic of feed.topics) {
          const ends = await admin.fetchTopicOffsets(topic);
          const [committed] = await admin.fetchOffsets({ groupId: feed.groupId, topics: [topic] });
          for (const { partition, high } of ends) {
            const at = Number(committed?.partitions.find((p) => p.partition === partition)?.offset ?? -1);
            lag += Math.max(0, Number(high) - Math.max(at, 0));
          }
        }
        lags.set(feed, lag);
      }
    } catch {
      // Kafka unreachable: the lag is unknown, shown as null
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
    return lags;
  }
}
