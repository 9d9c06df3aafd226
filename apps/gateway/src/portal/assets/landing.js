// The landing page's health list: a file, since the Content-Security-Policy allows no inline script.
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
    list.replaceChildren(
      ...Object.entries(report.checks).map(([name, check]) =>
        row(name, check.status, check.status === 'up' ? check.detail : check.error),
      ),
    );
  } catch (error) {
    list.replaceChildren(row('gateway', 'down', 'health report unavailable: ' + error.message));
  }
  document.getElementById('checked').textContent = 'checked ' + new Date().toLocaleTimeString();
}
refresh();
setInterval(refresh, 10000);
