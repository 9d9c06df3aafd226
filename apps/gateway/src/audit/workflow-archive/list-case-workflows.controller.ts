import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { type Actor, CurrentActor, Roles } from '@govflow/auth';
import { OperationsLog } from '../operations-log/operations-log';
import { ApiErrorResponses, openApiSchemaOf } from '../../http/openapi-schema';
import { BEARER_SCHEME } from '../../http/openapi';
import { WorkflowArchiveStore, type ArchivedWorkflow } from './workflow-archive.store';
import { auditCaseIdPipe } from '../audit-case-id';

const archived = z.object({
  workflowId: z.string(),
  runId: z.string(),
  type: z.string().describe('e.g. registrationWorkflow, deregistrationWorkflow'),
  caseId: z.string().nullable(),
  status: z.string().describe('how it closed: COMPLETED, FAILED, TERMINATED, …'),
  startedAt: z.iso.datetime(),
  closedAt: z.iso.datetime(),
  eventCount: z.number().int().describe('events in its archived Temporal history'),
});

@ApiTags('audit')
@ApiBearerAuth(BEARER_SCHEME)
@Controller('api/audit/cases')
export class ListCaseWorkflowsController {
  constructor(
    private readonly archive: WorkflowArchiveStore,
    private readonly operations: OperationsLog,
  ) {}

  @Get(':caseId/workflows')
  @Roles('administrator')
  @ApiOperation({
    summary: "A case's closed workflows whose full histories are archived (administrators only)",
    description:
      'The gateway copies every closed workflow history from Temporal into PostgreSQL before retention deletes ' +
      'it; a case is linked by its CaseId search attribute.',
  })
  @ApiParam({ name: 'caseId', schema: auditCaseIdPipe.openApi })
  @ApiOkResponse({ schema: openApiSchemaOf(z.array(archived)) })
  @ApiErrorResponses(400, 401, 403)
  async list(
    @CurrentActor() actor: Actor,
    @Param('caseId', auditCaseIdPipe) caseId: string,
  ): Promise<ArchivedWorkflow[]> {
    const workflows = await this.archive.ofCase(caseId);
    await this.operations.record(actor, 'audit.case-workflows', {
      target: caseId,
      outcome: { count: workflows.length },
    });
    return workflows;
  }
}
