import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import {
  Client,
  Connection,
  ScheduleAlreadyRunning,
  type ScheduleOptions,
  ScheduleOverlapPolicy,
} from '@temporalio/client';
import { TaskQueue } from '@govflow/contracts';
import { PLATFORM_OPTIONS, type PlatformOptions, startWhenReachable, TEMPORAL_CONNECTION } from '@govflow/platform';

export const ASSESSMENT_SCHEDULE_ID = 'maker-space-annual-assessment';

/**
 * R4.4: every 15 January, 00:00 Beijing time, the assessment of the calendar year before starts (the scheduled
 * workflow picks the year and its policy; a year an administrator already started is left as it is).
 */
export const assessmentScheduleOptions = (timeScale: number): ScheduleOptions => ({
  scheduleId: ASSESSMENT_SCHEDULE_ID,
  spec: {
    calendars: [{ month: 'JANUARY', dayOfMonth: 15, hour: 0, minute: 0, second: 0 }],
    timezone: 'Asia/Shanghai',
  },
  action: {
    type: 'startWorkflow',
    workflowType: 'scheduledAssessmentWorkflow',
    workflowId: 'assessment-schedule-run',
    taskQueue: TaskQueue.Orchestrator,
    args: [{ timeScale }],
  },
  policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '30 days' },
});

/** Creates the schedule at startup, once: a schedule already there (another instance, a restart) is kept. */
@Injectable()
export class AssessmentSchedule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(AssessmentSchedule.name);
  private creating?: Promise<unknown>;
  private stopping = false;

  constructor(
    @Inject(TEMPORAL_CONNECTION) private readonly connection: Connection,
    @Inject(PLATFORM_OPTIONS) private readonly options: PlatformOptions,
  ) {}

  onApplicationBootstrap(): void {
    this.creating = startWhenReachable(
      'annual assessment schedule',
      () => this.ensure(),
      () => this.stopping,
      this.logger,
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.creating;
  }

  /** True when this call created it. */
  async ensure(): Promise<boolean> {
    const client = new Client({ connection: this.connection, namespace: this.options.temporalNamespace });
    try {
      await client.schedule.create(assessmentScheduleOptions(this.options.timeScale));
      return true;
    } catch (error) {
      if (error instanceof ScheduleAlreadyRunning) return false;
      throw error;
    }
  }
}
