import { SetMetadata } from '@nestjs/common';
import type { Role } from '../actor';

export const REQUIRED_ROLES = 'govflow:auth:roles';

/** Only actors holding one of these roles may call the route (403 otherwise); on a handler or a controller. */
export const Roles = (...roles: [Role, ...Role[]]) => SetMetadata(REQUIRED_ROLES, roles);
