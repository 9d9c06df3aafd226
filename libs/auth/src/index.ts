export {
  roleSchema,
  departmentSchema,
  actorSchema,
  toContractActor,
  type Actor,
  type Role,
  type Department,
} from './actor';
export { AuthModule } from './auth.module';
export { AUTH_OPTIONS, type AuthOptions } from './auth.options';
export { hashPassword, verifyPassword } from './password/password-hash';
export {
  signAccessToken,
  verifyAccessToken,
  verifyAccessTokenClaims,
  InvalidAccessToken,
  type InvalidTokenReason,
  type VerifiedAccessToken,
} from './token/access-token';
export { TOKEN_REVOCATIONS, type TokenRevocations } from './token/token-revocations';
export { AccessTokenService, type IssuedAccessToken } from './token/access-token.service';
export { BearerTokenGuard } from './guards/bearer-token.guard';
export { RolesGuard } from './guards/roles.guard';
export { Public, IS_PUBLIC } from './decorators/public.decorator';
export { Roles, REQUIRED_ROLES } from './decorators/roles.decorator';
export { CurrentActor } from './decorators/current-actor.decorator';
export { actorOf } from './request-actor';
