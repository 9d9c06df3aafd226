import { Injectable } from '@nestjs/common';
import { PoolClient } from 'pg';
import { organisationBodyForSequence } from '../domain/organisation-body-allocator';

/**
 * The block of organisation codes this registry draws from (the leading chars of every body it issues). Changing it
 * on a running registry could collide with bodies already issued under another block length: never change it.
 */
export const ORGANISATION_BODY_BLOCK = 'MA';

/** Organisation-code bodies from a PostgreSQL sequence: never handed out twice, even by a rolled-back transaction. */
@Injectable()
export class OrganisationBodies {
  async next(db: PoolClient): Promise<string> {
    const { rows } = await db.query<{ n: string }>(`SELECT nextval('registration.organisation_body_seq') AS n`);
    return organisationBodyForSequence(Number(rows[0]?.n), ORGANISATION_BODY_BLOCK);
  }
}
