import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles, toContractActor } from '@govflow/auth';
import type { SupervisionRecordView } from '@govflow/contracts';
import { ApiErrorResponses, openApiSchemaOf } from '../../http/openapi-schema';
import { BEARER_SCHEME } from '../../http/openapi';
import { ZodValidationPipe } from '../../http/zod-validation.pipe';
import { creditCodePipe } from '../credit-code-parameter';
import { Supervision } from '../supervision.service';
import { supervisionRecordView } from '../supervision-record.view';
import { recordSupervisionRequest, type RecordSupervisionRequest } from './record-supervision.request';

@ApiTags('supervision')
@ApiBearerAuth(BEARER_SCHEME)
@Controller('api/supervision')
export class RecordSupervisionController {
  constructor(private readonly supervision: Supervision) {}

  @Post(':creditCode/records')
  @Roles('registration-officer')
  @ApiOperation({
    summary: "Record a registration officer's supervision decision on an enterprise (R5.1)",
    description:
      'Opens or closes a matter (abnormal-operations list, investigation, frozen assets, pledged equity) with the ' +
      'reason; answers the record as it now is. 404 when no license carries the credit code; 409 when the matter is ' +
      'already open (open) or not open (close).',
  })
  @ApiParam({ name: 'creditCode', schema: creditCodePipe.openApi })
  @ApiBody({ schema: openApiSchemaOf(recordSupervisionRequest) })
  @ApiCreatedResponse({ schema: openApiSchemaOf(supervisionRecordView) })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  record(
    @CurrentActor() actor: Actor,
    @Param('creditCode', creditCodePipe) creditCode: string,
    @Body(new ZodValidationPipe(recordSupervisionRequest)) request: RecordSupervisionRequest,
  ): Promise<SupervisionRecordView> {
    return this.supervision.record(creditCode, request, toContractActor(actor));
  }
}
