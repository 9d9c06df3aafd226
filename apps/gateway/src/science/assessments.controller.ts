import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles, toContractActor } from '@govflow/auth';
import type { AssessmentYearStatus, MakerSpaceAssessmentStatus } from '../../../../workflows/assessment/definitions';
import { ApiErrorResponses, openApiSchemaOf } from '../http/openapi-schema';
import { BEARER_SCHEME } from '../http/openapi';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { caseIdPipe } from '../registrations/case-id';
import {
  assessmentReportRequest,
  type AssessmentReportRequest,
  assessmentYearPipe,
  assessmentYearSchema,
} from './assessment.request';
import { AssessmentWorkflows } from './assessments.service';

const yearParam = { name: 'year', schema: assessmentYearSchema };

@ApiTags('assessments')
@ApiBearerAuth(BEARER_SCHEME)
@Controller('api')
export class AssessmentsController {
  constructor(private readonly assessments: AssessmentWorkflows) {}

  @Post('assessments/:year/runs')
  @Roles('administrator')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Start the annual assessment (年度考核, R4.4) of a calendar year; the schedule does it every 15 January',
    description:
      'Every recognised maker space gets an assessment-report task for its owner with the deadline of the year’s ' +
      'policy. Idempotent per year: a year already started (or finished) is left as it is, and answers the same.',
  })
  @ApiParam(yearParam)
  @ApiAcceptedResponse({
    schema: { type: 'object', properties: { year: { type: 'integer' }, workflowId: { type: 'string' } } },
  })
  @ApiErrorResponses(400, 401, 403)
  start(@CurrentActor() actor: Actor, @Param('year', assessmentYearPipe) year: number) {
    return this.assessments.startYear(year, toContractActor(actor));
  }

  @Get('assessments/:year')
  @Roles('administrator', 'science-officer')
  @ApiOperation({ summary: 'A year’s assessment: each maker space with its status and outcome (passed / failed)' })
  @ApiParam(yearParam)
  @ApiOkResponse({ schema: { type: 'object', properties: { year: { type: 'integer' }, status: { type: 'string' } } } })
  @ApiErrorResponses(400, 401, 403, 404)
  year(@Param('year', assessmentYearPipe) year: number): Promise<AssessmentYearStatus> {
    return this.assessments.year(year);
  }

  @Post('maker-spaces/:caseId/assessments/:year/report')
  @Roles('registrant')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'File the maker space’s yearly report (年度绩效考核材料) by its deadline: the owner only',
    description:
      'Indicators: funds invested (yuan, decimal string), training sessions and trainees, teams admitted and ' +
      'registered, companies registered by graduating teams. Scored against the year’s thresholds at the deadline.',
  })
  @ApiParam({ name: 'caseId', format: 'uuid', description: 'The maker-space recognition case' })
  @ApiParam(yearParam)
  @ApiBody({ schema: openApiSchemaOf(assessmentReportRequest) })
  @ApiOkResponse({ schema: { type: 'object' } })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  report(
    @CurrentActor() actor: Actor,
    @Param('caseId', caseIdPipe) caseId: string,
    @Param('year', assessmentYearPipe) year: number,
    @Body(new ZodValidationPipe(assessmentReportRequest)) request: AssessmentReportRequest,
  ): Promise<MakerSpaceAssessmentStatus> {
    return this.assessments.report(caseId, year, toContractActor(actor), request);
  }
}
