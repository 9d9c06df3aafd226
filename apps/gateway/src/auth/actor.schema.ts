import { actorSchema } from '@govflow/auth';
import { openApiSchemaOf } from '../http/openapi-schema';

export const actorOpenApiSchema = openApiSchemaOf(actorSchema);
