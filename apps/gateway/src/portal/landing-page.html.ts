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
<style>
  :root { color-scheme: light dark; --accent: #b4232a; --muted: #6b7280; --line: #e5e7eb; }
  body { font: 16px/1.5 system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; margin: 0; }
  header { background: var(--accent); color: #fff; padding: 2rem 1.5rem; }
  header h1 { margin: 0; font-weight: 600; } header p { margin: .25rem 0 0; opacity: .9; }
  main { max-width: 46rem; margin: 0 auto; padding: 1.5rem; }
  h2 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
  ul { list-style: none; padding: 0; margin: 0; }
  li { padding: .5rem 0; border-bottom: 1px solid var(--line); }
  li span, #checked { color: var(--muted); font-size: .9rem; margin-left: .5rem; }
  a { color: var(--accent); }
  .status { display: inline-block; min-width: 3.5rem; text-align: center; border-radius: 1rem;
            font-size: .8rem; padding: 0 .5rem; margin-right: .5rem; color: #fff; background: var(--muted); }
  .up { background: #15803d; } .down { background: #b91c1c; }
</style>
</head>
<body>
<header>
  <h1>一网通办 One-stop services</h1>
  <p>Business registration, tax and science-commission services in one place</p>
</header>
<main>
  <p><a href="/sign-in" style="font-size:1.25rem;font-weight:600">进入一网通办（登录） Sign in to the portal</a></p>
  <h2>Platform health <span id="checked"></span></h2>
  <ul id="health"><li>checking…</li></ul>
  <h2>For developers</h2>
  <ul>
    <li><a href="/api/docs">API documentation</a> <span>OpenAPI, sign in with POST /api/auth/login</span></li>
    ${temporalLink}
    <li><a href="/health">/health</a> <span>the raw health report</span></li>
  </ul>
</main>
<script>
  const list = document.getElementById('health');
  function row(name, status, detail) {
    const item = document.createElement('li');
    const badge = document.createElement('span');
    badge.className = 'status ' + status;
    badge.textContent = status;
    const text = document.createElement('span');
    text.textContent = detail;
    item.append(badge, name, text);
    return item;
  }
  async function refresh() {
    try {
      const report = await (await fetch('/health', { cache: 'no-store' })).json();
      list.replaceChildren(...Object.entries(report.checks).map(([name, check]) =>
        row(name, check.status, check.status === 'up' ? check.detail : check.error)));
    } catch (error) {
      list.replaceChildren(row('gateway', 'down', 'health report unavailable: ' + error.message));
    }
    document.getElementById('checked').textContent = 'checked ' + new Date().toLocaleTimeString();
  }
  refresh();
  setInterval(refresh, 10000);
</script>
</body>
</html>
`;
}
