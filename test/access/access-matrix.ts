/**
 * Who may do what, endpoint by endpoint: one row per operation of the gateway's OpenAPI document (METHOD and path
 * template exactly as the document has them), one cell per kind of caller. test/access-matrix.e2e-spec.ts walks
 * every cell through HTTP, and fails for an operation without a row: a new endpoint cannot ship without its access
 * decided here. Administrators approve nothing: no decision, claim or clearance is ever theirs.
 *
 * A cell is what the caller gets with the fixtures of the walk (a case filed by `owner`, its open review task, a
 * credit code nobody holds):
 *   'ok'  authorization passed: any answer but 401, 403 and 404 (a 400 for the empty body, a 409 for a task not
 *         claimed, a 200 …), and below 500;
 *   401   not signed in;   403   signed in, refused;   404   hidden (another's case) or, where marked, not there.
 *
 * Columns: `rightOfficer` is an officer of the row's department (`dept`, market regulation unless said; for
 * `permits` the market-regulation permit officer), `wrongOfficer` one of another department (for `permits` the
 * transport permit officer); `expert` an expert reviewer; `inspector` the market-regulation inspector (spot checks of
 * permits); `provider` a service provider of innovation vouchers (a university lab), refused wherever not named.
 *
 * Where a fixture cannot be made cheaply (a permit case, a grant, a recognition case need a licensed enterprise),
 * the walk uses an id nobody has, and the row says who is told 404 (not there) and who is refused before the lookup.
 */
export const callers = [
  'anonymous',
  'owner',
  'otherRegistrant',
  'rightOfficer',
  'wrongOfficer',
  'finance',
  'expert',
  'provider',
  'inspector',
  'admin',
] as const;
export type Caller = (typeof callers)[number];
export type Outcome = 'ok' | 401 | 403 | 404 | 'n/a';
export type Department = 'market-regulation' | 'tax' | 'science-commission' | 'finance' | 'permits';

export interface AccessRow {
  dept: Department;
  /** The JSON body sent (an empty object unless said): chosen to pass validation where ownership is checked later. */
  body?: unknown;
  /** Query string (without ?) sent with the request. */
  query?: string;
  /** The operation revokes the token it is called with (sign-out): each cell signs in afresh. */
  spendsToken?: boolean;
  cells: Record<Caller, Outcome>;
}

type Cells = Partial<Record<Caller, Outcome>>;
/** Callers that are not roles of the system (none left): their cells are 'n/a'. */
const NOT_ROLES: Cells = {};

/** A row: `others` for every caller not named; anonymous 401 unless named. */
const row = (
  others: Outcome,
  cells: Cells,
  options: Omit<AccessRow, 'cells' | 'dept'> & { dept?: Department } = {},
) => ({
  dept: options.dept ?? 'market-regulation',
  ...options,
  cells: Object.fromEntries(
    callers.map((caller) => [caller, cells[caller] ?? NOT_ROLES[caller] ?? (caller === 'anonymous' ? 401 : others)]),
  ) as Record<Caller, Outcome>,
});

const onlyAdmin = row(403, { admin: 'ok' });
const signedIn = row('ok', {});
const anyone = row('ok', { anonymous: 'ok' });
/** Only a registrant may call it: authorization passes for both registrants (the empty body is then a 400). */
const registrantsOnly = row(403, { owner: 'ok', otherRegistrant: 'ok' });
const decision = { outcome: 'approve', reason: '材料齐全' };

export const accessMatrix: Record<string, AccessRow> = {
  // Signing in and out, one's own account.
  'POST /api/auth/login': row('ok', { anonymous: 'ok' }),
  'POST /api/auth/logout': row('ok', {}, { spendsToken: true }),
  'POST /api/auth/password': signedIn,
  'GET /api/me': signedIn,
  'GET /api/users': onlyAdmin,

  // Names and registrations: the applicant sees their own case; another registrant is told it does not exist;
  // market-regulation officers and administrators read any; other departments are refused.
  'GET /api/names/check': row(
    'ok',
    {},
    { query: 'division=北京&tradeName=星河&industry=科技&organizationForm=有限公司' },
  ),
  'POST /api/registrations': row(403, { owner: 'ok', otherRegistrant: 'ok' }),
  'GET /api/registrations': signedIn,
  'GET /api/registrations/{caseId}': row(403, { owner: 'ok', otherRegistrant: 404, rightOfficer: 'ok', admin: 'ok' }),
  'GET /api/registrations/{caseId}/application': row(403, {
    owner: 'ok',
    otherRegistrant: 404,
    rightOfficer: 'ok',
    admin: 'ok',
  }),
  'GET /api/registrations/{caseId}/progress': row(403, {
    owner: 'ok',
    otherRegistrant: 404,
    rightOfficer: 'ok',
    admin: 'ok',
  }),
  'POST /api/registrations/{caseId}/supplement': row(
    403,
    { owner: 'ok', otherRegistrant: 404 },
    { body: { changes: { domicile: '北京市海淀区中关村大街1号' }, note: '已更正住所' } },
  ),
  'GET /api/admin/cases': onlyAdmin,
  'GET /api/audit/cases/{caseId}/events': onlyAdmin,

  // Tasks: officers of the task's department; the applicant never; administrators read but decide nothing.
  'GET /api/tasks': signedIn,
  'GET /api/tasks/{taskId}': row(403, { rightOfficer: 'ok', admin: 'ok' }),
  'POST /api/tasks/{taskId}/claim': row(403, { rightOfficer: 'ok' }),
  'POST /api/tasks/{taskId}/unclaim': row(403, { rightOfficer: 'ok' }),
  'POST /api/tasks/{taskId}/reassign': row(403, { rightOfficer: 'ok' }, { body: { to: 'reg-officer2' } }),
  'POST /api/tasks/{taskId}/decision': row(403, { rightOfficer: 'ok' }, { body: decision }),

  // Supervision records (R5.1), kept by registration officers; public disclosure (公示) to anyone signed in: the
  // fixture's credit code has no enterprise, so every signed-in caller is told 404.
  'GET /api/supervision/{creditCode}/records': row(404, {}),
  'POST /api/supervision/{creditCode}/records': row(403, { rightOfficer: 'ok' }),

  // Tax officers keep the tax record.
  // The tax record of the fixture credit code: nobody holds it, so whoever may read records is told 404.
  'GET /api/tax/records/{creditCode}': row(
    403,
    { owner: 404, otherRegistrant: 404, rightOfficer: 404, admin: 404 },
    { dept: 'tax' },
  ),
  'POST /api/tax/records/{creditCode}/pending-matters': row(403, { rightOfficer: 'ok' }, { dept: 'tax' }),
  'POST /api/tax/records/{creditCode}/clearance': row(403, { rightOfficer: 'ok' }, { dept: 'tax' }),

  // Deregistration (简易注销): the owner applies and confirms; officers and administrators read.
  'POST /api/deregistrations': row(403, { owner: 'ok', otherRegistrant: 'ok' }),
  // The fixture case has no deregistration: whoever may look is told 404; other departments are refused first.
  'GET /api/deregistrations/{caseId}': row(403, { owner: 404, otherRegistrant: 404, rightOfficer: 404, admin: 404 }),
  'POST /api/deregistrations/{caseId}/confirm': row(403, { owner: 404, otherRegistrant: 404 }),
  'GET /api/announcements': row('ok', { anonymous: 'ok' }),
  'POST /api/announcements/{caseId}/objections': signedIn,

  // The caller's own deregistrations: a list of one's own, so anyone signed in (officers have none).
  'GET /api/deregistrations': signedIn,

  // Permits (先照后证). The license holder applies: the walk's body is empty, so both registrants pass the role check and
  // are told 400 (that another registrant is refused for someone else's enterprise, 403, is proven by
  // test/permits-flow.e2e-spec.ts with a licensed enterprise).
  'POST /api/permits': registrantsOnly,
  // The fixture id is nobody's permit case: whoever may look is told 404; roles that never read a permit case
  // (other departments' officers, finance, experts) are refused before the lookup.
  'GET /api/permits/{permitCaseId}': row(
    403,
    { owner: 404, otherRegistrant: 404, rightOfficer: 404, wrongOfficer: 404, inspector: 404, admin: 404 },
    { dept: 'permits' },
  ),
  'POST /api/permits/{permitCaseId}/materials': row(
    403,
    { owner: 404, otherRegistrant: 404 },
    { dept: 'permits', body: { materials: { 场所证明: '已补正' } } },
  ),
  'POST /api/permits/{permitCaseId}/renewal': row(403, { owner: 404, otherRegistrant: 404 }, { dept: 'permits' }),
  // The enterprise of the fixture credit code does not exist: those who may read enterprises are told 404.
  'GET /api/enterprises/{creditCode}': row(403, { owner: 404, otherRegistrant: 404, rightOfficer: 404, admin: 404 }),

  // Science commission: public pages for anyone; registrants apply; the commission, finance (which pays) and the
  // experts (who score) read cases; only science officers claw back. The fixture {caseId} is the registration case,
  // neither a grant nor a recognition case: whoever may read is told 404.
  'GET /api/grant-programmes': anyone,
  'GET /api/grants/published': anyone,
  'GET /api/public-notices': anyone,
  'POST /api/public-notices/{noticeId}/objections': signedIn,
  'POST /api/grants': registrantsOnly,
  'POST /api/maker-spaces': registrantsOnly,
  // Each registrant's own list (我的办件): nobody else has one.
  'GET /api/grants': registrantsOnly,
  'GET /api/maker-spaces': registrantsOnly,
  'GET /api/grants/{caseId}': row(
    403,
    { owner: 404, otherRegistrant: 404, rightOfficer: 404, finance: 404, expert: 404, admin: 404 },
    { dept: 'science-commission' },
  ),
  'GET /api/maker-spaces/{caseId}': row(
    403,
    { owner: 404, otherRegistrant: 404, rightOfficer: 404, finance: 404, expert: 404, admin: 404 },
    { dept: 'science-commission' },
  ),
  'POST /api/grants/{caseId}/clawbacks': row(403, { rightOfficer: 'ok' }, { dept: 'science-commission' }),
  // The science record of the fixture credit code: nobody holds it, so whoever may read records is told 404.
  'GET /api/science/enterprises/{creditCode}/record': row(
    403,
    { owner: 404, otherRegistrant: 404, rightOfficer: 404, finance: 404, admin: 404 },
    { dept: 'science-commission' },
  ),

  // Innovation vouchers: registrants claim and register the activity; the provider named in it confirms, delivers
  // and asks for redemption; the commission, finance and experts read. The fixture {voucherId} is nobody's voucher:
  // whoever may act on or read one is told 404, the rest are refused before the lookup.
  'POST /api/vouchers': registrantsOnly,
  'GET /api/vouchers': row(403, { owner: 'ok', otherRegistrant: 'ok', provider: 'ok' }),
  'GET /api/vouchers/published': anyone,
  'GET /api/vouchers/{voucherId}': row(
    403,
    { owner: 404, otherRegistrant: 404, provider: 404, rightOfficer: 404, finance: 404, expert: 404, admin: 404 },
    { dept: 'science-commission' },
  ),
  'POST /api/vouchers/{voucherId}/activity': row(
    403,
    { owner: 404, otherRegistrant: 404 },
    { dept: 'science-commission', body: { providerId: 'provider1', description: '新材料性能检测' } },
  ),
  'POST /api/vouchers/{voucherId}/contract': row(403, { provider: 404 }, { dept: 'science-commission' }),
  'POST /api/vouchers/{voucherId}/delivery': row(
    403,
    { provider: 404 },
    { dept: 'science-commission', body: { summary: '检测完成，出具报告' } },
  ),
  'POST /api/vouchers/{voucherId}/redemption': row(403, { provider: 404 }, { dept: 'science-commission' }),
  // The annual assessment (R4.4): administrators start a year; they and science officers read its results; the
  // maker space's owner files the report (the walk's year is no year, so authorized callers get a 400).
  'POST /api/assessments/{year}/runs': onlyAdmin,
  'GET /api/assessments/{year}': row(403, { rightOfficer: 'ok', admin: 'ok' }, { dept: 'science-commission' }),
  'POST /api/maker-spaces/{caseId}/assessments/{year}/report': registrantsOnly,

  // The signed audit logs: keys and checkpoints are public; verifying and the time machine are for administrators;
  // a receipt for the applicant of the event's case (another registrant is told 404) and administrators.
  'GET /api/audit/public-keys': anyone,
  'GET /api/audit/checkpoints/latest': anyone,
  'GET /api/audit/consistency-proofs': { ...anyone, query: 'service=registration&from=1' },
  'POST /api/audit/verify': onlyAdmin,
  'GET /api/audit/events/{eventId}/receipt': row(403, { owner: 'ok', otherRegistrant: 404, admin: 'ok' }),
  'GET /api/audit/cases/{caseId}/application-receipt': row(403, { owner: 'ok', otherRegistrant: 404, admin: 'ok' }),
  'GET /api/audit/operations': onlyAdmin,
  'GET /api/audit/cases/{caseId}/state': onlyAdmin,
  'GET /api/audit/cases/{caseId}/diff': onlyAdmin,
  'GET /api/audit/cases/{caseId}/workflows': onlyAdmin,
  // Operations.
  'POST /api/admin/integrity': onlyAdmin,
  'GET /api/admin/read-models': onlyAdmin,
  'POST /api/admin/read-models/{readModel}/rebuild': onlyAdmin,
  'GET /health': row('ok', { anonymous: 'ok' }),
};
