import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Roles } from '@govflow/auth';
import { AuditTrailStore } from '../../audit/audit-trail/audit-trail.store';
import { FieldValidationPipe } from '../../http/field-validation.pipe';
import { ApiErrorResponses, openApiSchemaOf } from '../../http/openapi-schema';
import { BEARER_SCHEME } from '../../http/openapi';
import { RegistrationCaseStore } from '../registration-cases/registration-case-store';

const foundCase = z.object({
  caseId: z.uuid(),
  enterpriseName: z.string(),
  submittedAt: z.iso.datetime(),
  applicantId: z.string(),
});
type FoundCase = z.infer<typeof foundCase>;

// No control characters: PostgreSQL refuses NUL in text, which answered a 500 (found by the bad-input suite).
const searchText = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters')
  .refine(
    (text) => !Array.from(text).some((c) => c <= '\u001f' || c === '\u007f'),
    'must not contain control characters',
  )
  .meta({ pattern: '^[^\\u0000-\\u001f\\u007f]*\\S[^\\u0000-\\u001f\\u007f]*$' });
const searchTextPipe = new FieldValidationPipe('q', searchText);

@ApiTags('admin')
@ApiBearerAuth(BEARER_SCHEME)
@Controller('api/admin/cases')
export class FindCasesController {
  constructor(
    private readonly cases: RegistrationCaseStore,
    private readonly audit: AuditTrailStore,
  ) {}

  @Get()
  @Roles('administrator')
  @ApiOperation({
    summary: 'Find registration cases by case id, unified social credit code or part of the enterprise name',
    description: 'Administrators only; newest first, at most 50.',
  })
  @ApiQuery({ name: 'q', required: true, schema: searchTextPipe.openApi, example: '星河' })
  @ApiOkResponse({ schema: openApiSchemaOf(z.array(foundCase)) })
  @ApiErrorResponses(400, 401, 403)
  async find(@Query('q', searchTextPipe) text: string): Promise<FoundCase[]> {
    const byCreditCode = /^[0-9A-Z]{18}$/i.test(text) ? await this.audit.casesWithCreditCode(text.toUpperCase()) : [];
    const found = await this.cases.search(text, byCreditCode);
    return found.map(({ caseId, enterpriseName, submittedAt, applicantId }) => ({
      caseId,
      enterpriseName,
      submittedAt: submittedAt.toISOString(),
      applicantId,
    }));
  }
}
