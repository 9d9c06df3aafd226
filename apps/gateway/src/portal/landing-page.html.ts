const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

// Self-contained: the machine may be offline, so no fonts, scripts or styles from elsewhere.
export function landingPageHtml({ temporalUiUrl }: { temporalUiUrl?: string }): string {
  const temporalLink = temporalUiUrl
    ? `<li><a href="${escapeHtml(temporalUiUrl)}" rel="noopener">Temporal UI</a> <span>workflow runs and their history</span></li>`
    : '';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>一网通办 One-stop services</title>
<link rel="stylesheet" href="/assets/landing.css">
<script src="/assets/landing.js" defer></script>
</head>
<body>
<header>
  <h1>一网通办 One-stop services</h1>
  <p>Business registration, tax and science-commission services in one place</p>
</header>
<main>
  <p><a href="/sign-in" class="enter">进入一网通办（登录） Sign in to the portal</a></p>
  <h2>Platform health <span id="checked"></span></h2>
  <ul id="health"><li>checking…</li></ul>
  <h2>For developers</h2>
  <ul>
    <li><a href="/api/docs">API documentation</a> <span>OpenAPI, sign in with POST /api/auth/login</span></li>
    ${temporalLink}
    <li><a href="/health">/health</a> <span>the raw health report</span></li>
  </ul>
</main>
</body>
</html>
`;
}
