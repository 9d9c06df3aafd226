import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection, WorkflowNotFoundError } from '@temporalio/client';
import { Kafka } from 'kafkajs';
import { Topic } from '@govflow/contracts';
import { fromKafkaMessage, type RunningConsumer, startRetryingConsumer } from '@govflow/messaging';
import {
  KAFKA,
  PLATFORM_OPTIONS,
  type PlatformOptions,
  startWhenReachable,
  TEMPORAL_CONNECTION,
} from '@govflow/platform';
import { taxAnswerSignal } from '../../../../workflows/deregistration/definitions';
import { taxRecordOpenedSignal } from '../../../../workflows/registration/definitions';
import { CONSUMER_GROUP } from '../config/consumer-group.token';
import { deregistrationSignalForTaxEvent } from './deregistration-signal-for-tax-event';
import { signalForTaxEvent } from './signal-for-tax-event';

/**
 * Delivers TaxRecordOpened from tax.events to the registration workflow waiting for it, and tax's answer to a
 * deregistration announcement (TaxNoObjectionRaised, TaxObjectionRaised) to that deregistration workflow. Signals are safe to
 * repeat (the workflow keeps the first), so redelivery needs no inbox; a closed or unknown workflow is skipped.
 */
@Injectable()
export class DeliverTaxRecordOpenedService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeliverTaxRecordOpenedService.name);
  private readonly client: Client;
  private consumer?: RunningConsumer;
  private starting?: Promise<void>;
  private stopping = false;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(TEMPORAL_CONNECTION) connection: Connection,
    @Inject(PLATFORM_OPTIONS) options: PlatformOptions,
    @Inject(CONSUMER_GROUP) private readonly groupId: string,
  ) {
    this.client = new Client({ connection, namespace: options.temporalNamespace });
  }

  onApplicationBootstrap(): void {
    this.starting = this.startUntilConnected();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.starting;
    await this.consumer?.stop();
  }

  private async startUntilConnected(): Promise<void> {
    this.consumer = await startWhenReachable(
      'tax.events consumer',
      () =>
        startRetryingConsumer(this.kafka, {
          groupId: this.groupId,
          topics: [Topic.TaxEvents],
          fromBeginning: true,
          handle: (message) => this.deliver(fromKafkaMessage(message)),
        }),
      () => this.stopping,
      this.logger,
    );
  }

  private async deliver(event: ReturnType<typeof fromKafkaMessage>): Promise<void> {
    const opened = signalForTaxEvent(event);
    if (opened) return this.signal(event, opened.workflowId, (h) => h.signal(taxRecordOpenedSignal, opened.taxRecord));
    const answered = deregistrationSignalForTaxEvent(event);
    if (answered) return this.signal(event, answered.workflowId, (h) => h.signal(taxAnswerSignal, answered.answer));
  }

  private async signal(
    event: ReturnType<typeof fromKafkaMessage>,
    workflowId: string,
    send: (handle: ReturnType<Client['workflow']['getHandle']>) => Promise<void>,
  ): Promise<void> {
    try {
      await send(this.client.workflow.getHandle(workflowId));
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
      this.logger.warn(`no running ${workflowId} for ${event.type} ${event.eventId}; skipped`);
    }
  }
}
