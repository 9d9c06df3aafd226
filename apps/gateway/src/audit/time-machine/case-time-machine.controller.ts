import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { type Actor, CurrentActor, Roles } from '@govflow/auth';
import { FieldValidationPipe } from '../../http/field-validation.pipe';
import { ApiErrorResponses } from '../../http/openapi-schema';
import { BEARER_SCHEME } from '../../http/openapi';
import { AuditTrailStore } from '../audit-trail/audit-trail.store';
import { maskIdNumbersIn } from '../../http/personal-data';
import { OperationsLog } from '../operations-log/operations-log';
import { caseDiff, caseStateAt, type CaseDiff, type CaseStateAt } from './case-state-at';
import { auditCaseIdPipe } from '../audit-case-id';

const instant = (field: string) =>
  new FieldValidationPipe(field, z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' }));
const at = instant('at');
const from = instant('from');
const to = instant('to');

@ApiTags('audit')
@ApiBearerAuth(BEARER_SCHEME)
@Controller('api/audit/cases')
export class CaseTimeMachineController {
  constructor(
    private readonly audit: AuditTrailStore,
    private readonly operations: OperationsLog,
  ) {}

  @Get(':caseId/state')
  @Roles('administrator')
  @ApiOperation({
    summary: 'A case across every service as of an instant (administrators only)',
    description:
      'Each stream (aggregate, task) the case touches, rebuilt from its events up to `at`: `streams` lists each ' +
      "stream's version and event types; `aggregates` each aggregate's status and fields (establishment case: " +
      'name, application, decision, credit code; tax record; permit cases; science cases …); `tasks` each human ' +
      "task's status, candidate group, assignee, deadlines and decision; `readModels` the rows the gateway's read " +
      'models (task inbox, enterprise directory, enterprise permits, science record, tax record) would have held, ' +
      "folded with the projections' own functions. ID numbers are masked. Events recorded before the audit trail " +
      'kept event data are counted in `eventsWithoutData`; what they changed is missing.',
  })
  @ApiParam({ name: 'caseId', schema: auditCaseIdPipe.openApi })
  @ApiQuery({ name: 'at', required: true, schema: at.openApi, example: '2026-12-01T08:00:00+08:00' })
  @ApiOkResponse({
    schema: { type: 'object', properties: { at: { type: 'string' }, eventCount: { type: 'integer' } } },
  })
  @ApiErrorResponses(400, 401, 403)
  async state(
    @CurrentActor() actor: Actor,
    @Param('caseId', auditCaseIdPipe) caseId: string,
    @Query('at', at) instantAt: string,
  ): Promise<CaseStateAt> {
    const state = caseStateAt(await this.maskedEvents(caseId), new Date(instantAt), caseId);
    await this.operations.record(actor, 'audit.time-machine', { target: caseId, outcome: { at: state.at } });
    return state;
  }

  @Get(':caseId/diff')
  @Roles('administrator')
  @ApiOperation({
    summary: 'What changed in a case between two instants (administrators only)',
    description:
      '`events`: the events in (from, to]; `streams`: each stream whose version moved; `changes`: per aggregate, ' +
      'task and read-model row that differs, its fields (dotted paths) before → after. ID numbers are masked.',
  })
  @ApiParam({ name: 'caseId', schema: auditCaseIdPipe.openApi })
  @ApiQuery({ name: 'from', required: true, schema: from.openApi, example: '2026-12-01T08:00:00+08:00' })
  @ApiQuery({ name: 'to', required: true, schema: to.openApi, example: '2026-12-02T08:00:00+08:00' })
  @ApiOkResponse({ schema: { type: 'object' } })
  @ApiErrorResponses(400, 401, 403)
  async diff(
    @CurrentActor() actor: Actor,
    @Param('caseId', auditCaseIdPipe) caseId: string,
    @Query('from', from) fromInstant: string,
    @Query('to', to) toInstant: string,
  ): Promise<CaseDiff> {
    const diff = caseDiff(await this.maskedEvents(caseId), new Date(fromInstant), new Date(toInstant), caseId);
    await this.operations.record(actor, 'audit.time-machine-diff', {
      target: caseId,
      outcome: { from: fromInstant, to: toInstant },
    });
    return diff;
  }

  /** Administrators see ID numbers masked, as everywhere else: masked in the data before anything is rebuilt. */
  private async maskedEvents(caseId: string) {
    return (await this.audit.eventsWithDataOfCase(caseId)).map((event) => ({
      ...event,
      data: maskIdNumbersIn(event.data),
    }));
  }
}
