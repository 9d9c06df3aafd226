import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { SupervisionRecordView } from '@govflow/contracts';
import { ApiErrorResponses, openApiSchemaOf } from '../../http/openapi-schema';
import { BEARER_SCHEME } from '../../http/openapi';
import { creditCodePipe } from '../credit-code-parameter';
import { Supervision } from '../supervision.service';
import { supervisionRecordView } from '../supervision-record.view';

@ApiTags('supervision')
@ApiBearerAuth(BEARER_SCHEME)
@Controller('api/supervision')
export class ReadSupervisionController {
  constructor(private readonly supervision: Supervision) {}

  @Get(':creditCode/records')
  @ApiOperation({
    summary: "An enterprise's supervision record (企业信用信息公示, R5.1): open matters and every decision",
    description: 'Any signed-in user may read it; 404 when no license carries the credit code.',
  })
  @ApiParam({ name: 'creditCode', schema: creditCodePipe.openApi })
  @ApiOkResponse({ schema: openApiSchemaOf(supervisionRecordView) })
  @ApiErrorResponses(400, 401, 404)
  read(@Param('creditCode', creditCodePipe) creditCode: string): Promise<SupervisionRecordView> {
    return this.supervision.read(creditCode);
  }
}
