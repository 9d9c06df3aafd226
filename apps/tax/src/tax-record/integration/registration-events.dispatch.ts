import { Injectable } from '@nestjs/common';
import type { RecordedEvent } from '@govflow/messaging';
import { AnswerDeregistrationNoticeHandler } from '../clearance/answer-deregistration-notice.handler';
import { EndExemptionWhenRecognitionEndsHandler } from './end-exemption-when-recognition-ends.handler';
import { CloseTaxRecordWhenDeregisteredHandler } from './close-tax-record-when-deregistered.handler';
import { OpenTaxRecordWhenLicenseIssuedHandler } from './open-tax-record-when-license-issued.handler';
import { StartExemptionWhenMakerSpaceRecognizedHandler } from './start-exemption-when-maker-space-recognized.handler';

/** Every handler tax runs for a registration or science-commission event (each ignores the types it does not handle). */
@Injectable()
export class RegistrationEventsDispatch {
  constructor(
    private readonly openTaxRecord: OpenTaxRecordWhenLicenseIssuedHandler,
    private readonly answerNotice: AnswerDeregistrationNoticeHandler,
    private readonly closeTaxRecord: CloseTaxRecordWhenDeregisteredHandler,
    private readonly startExemption: StartExemptionWhenMakerSpaceRecognizedHandler,
    private readonly endExemption: EndExemptionWhenRecognitionEndsHandler,
  ) {}

  async handle(event: RecordedEvent, now: Date): Promise<void> {
    await this.openTaxRecord.handle(event, now);
    await this.answerNotice.handle(event, now);
    await this.closeTaxRecord.handle(event, now);
    await this.startExemption.handle(event, now);
    await this.endExemption.handle(event, now);
  }
}
