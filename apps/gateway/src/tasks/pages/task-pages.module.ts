import { Module } from '@nestjs/common';
import { InboxPage } from './inbox.page';
import { TaskPage } from './task.page';

/** The case officer's pages; they use the tasks API over HTTP, as any client would. */
@Module({ controllers: [InboxPage, TaskPage] })
export class TaskPagesModule {}
