import { Module } from '@nestjs/common';
import { UsersModule } from '../auth/users/users.module';
import { TemporalClientModule } from '../temporal/temporal-client.module';
import { ClaimTaskController } from './claim-task/claim-task.controller';
import { DecideTaskController } from './decide-task/decide-task.controller';
import { GetTaskController } from './get-task/get-task.controller';
import { ListTasksController } from './list-tasks/list-tasks.controller';
import { ReassignTaskController } from './reassign-task/reassign-task.controller';
import { ReviewNameChecks } from './review-name-checks';
import { TaskInboxStore } from './task-inbox/task-inbox.store';
import { TaskUpdates } from './task-updates';
import { UnclaimTaskController } from './unclaim-task/unclaim-task.controller';

/** The officers' inbox and their actions on tasks. */
@Module({
  imports: [TemporalClientModule, UsersModule],
  controllers: [
    ListTasksController,
    ClaimTaskController,
    UnclaimTaskController,
    ReassignTaskController,
    DecideTaskController,
    GetTaskController,
  ],
  providers: [TaskInboxStore, TaskUpdates, ReviewNameChecks],
})
export class TasksModule {}
