import type { PipeTransform } from '@nestjs/common';
import { z } from 'zod';
import { FieldsRefused } from '../http/api-error';
import { yuanAmount } from './money';

const count = z.number().int('must be a whole number').min(0, 'must not be negative').max(10_000_000);

/** POST /api/maker-spaces/:caseId/assessments/:year/report: the year's indicators (R4.4), funds in yuan at the edge. */
export const assessmentReportRequest = z.object({
  indicators: z.object({
    fundsInvested: yuanAmount,
    trainingSessions: count,
    trainees: count,
    teamsAdmitted: count,
    teamsRegistered: count,
    companiesRegisteredByGraduates: count,
  }),
});
export type AssessmentReportRequest = z.output<typeof assessmentReportRequest>;

/** The year parameter as the document states it: this year is read when the document is made, as the pipe reads it. */
export const assessmentYearSchema = {
  type: 'integer',
  minimum: 2018,
  maximum: new Date().getUTCFullYear(),
  example: 2025,
  description: 'The assessed calendar year',
} as const;

/** A calendar year from 2018 (the first assessment policy) to this one; else 400 naming `year`. */
export const assessmentYearPipe: PipeTransform<string, number> = {
  transform(value: string): number {
    const year = /^\d{4}$/.test(value) ? Number(value) : NaN;
    if (Number.isNaN(year)) throw new FieldsRefused(400, [{ field: 'year', message: 'must be a year such as 2025' }]);
    if (year < 2018) throw new FieldsRefused(400, [{ field: 'year', message: 'must be 2018 or later' }]);
    if (year > new Date().getUTCFullYear()) {
      throw new FieldsRefused(400, [{ field: 'year', message: 'must not be in the future' }]);
    }
    return year;
  },
};
