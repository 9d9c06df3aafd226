// 18-character resident ID numbers (17 digits and a check character) standing alone, not inside longer digit runs.
const ID_NUMBER = /(?<![\dA-Za-z])(\d{6})\d{8}(\d{3}[\dXx])(?![\dA-Za-z])/g;
// Compact JWTs: header and payload start with base64url of '{"'.
const JWT = /eyJ[\w-]*\.eyJ[\w-]*\.[\w-]+/g;
const SECRET_ASSIGNMENT = /(password|passwd|secret|authorization|cookie|token)(["']?\s*[:=]\s*["']?)([^\s"',;&]+)/gi;

/** Text fit for a log line: ID numbers masked, tokens and anything named like a secret replaced. */
export function redactForLog(text: string): string {
  return text.replace(ID_NUMBER, '$1********$2').replace(JWT, '[token]').replace(SECRET_ASSIGNMENT, '$1$2[redacted]');
}
