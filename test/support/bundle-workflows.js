// Bundles workflow code the way the worker does, outside jest's module sandbox (webpack breaks inside it).
// Usage: node bundle-workflows.js <workflowsPath>...; prints one JSON line per path: {path, ok, leaked, error}.
const path = require('node:path');
const { bundleWorkflowCode, DefaultLogger } = require('@temporalio/worker');

// Workflow code runs in Temporal's deterministic sandbox; Nest, pg and kafkajs must never reach it,
// even where webpack could bundle them (a pure-JS package with no Node built-ins would pass the bundler).
const forbiddenPackages = ['@nestjs', 'pg', 'kafkajs'];

async function check(workflowsPath) {
  // The bundler logs the reason (e.g. the unresolvable modules) and throws a generic error; keep both.
  const logged = [];
  const logger = new DefaultLogger('ERROR', (entry) => logged.push(entry.message));
  try {
    const { code } = await bundleWorkflowCode({ workflowsPath: path.resolve(workflowsPath), logger });
    const leaked = forbiddenPackages.filter((name) => code.includes(`node_modules/${name}/`));
    return { path: workflowsPath, ok: leaked.length === 0, leaked, bytes: code.length };
  } catch (error) {
    const reasons = logged.join('\n').match(/ERROR in [^\n]+\n[^\n]+/g) ?? [];
    return { path: workflowsPath, ok: false, error: [error.message, ...reasons].join('\n') };
  }
}

(async () => {
  for (const workflowsPath of process.argv.slice(2)) console.log(JSON.stringify(await check(workflowsPath)));
})();
