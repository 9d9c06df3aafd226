import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'govflow:auth:public';

/** Lets a route under the protected path be called without a token (login, for one). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
