import { Module } from '@nestjs/common';
import { UserStore } from './user-store';

/** The users table, for sign-in and for features that name a colleague (reassigning a task). */
@Module({ providers: [UserStore], exports: [UserStore] })
export class UsersModule {}
