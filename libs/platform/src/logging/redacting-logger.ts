import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import { redactForLog } from './redact';

/**
 * Every service's logger: Nest's console logger with each message and stack passed through redactForLog, so no
 * ID number, token or password reaches a log whatever a caller or a library error puts in its message.
 */
export class RedactingLogger extends ConsoleLogger {
  protected override stringifyMessage(message: unknown, logLevel: LogLevel): string {
    return redactForLog(String(super.stringifyMessage(message, logLevel)));
  }

  protected override printStackTrace(stack: string | undefined): void {
    super.printStackTrace(typeof stack === 'string' ? redactForLog(stack) : (stack as unknown as string));
  }
}
