// Lets plain `node -r ./test/support/swc-register.js file.ts` run TypeScript with the project's path aliases:
// each .ts file is compiled by @swc/core on require, as jest does (used by child processes and the benchmarks).
const Module = require('node:module');
const fs = require('node:fs');
const path = require('node:path');
const { transformSync } = require('@swc/core');
const { compilerOptions } = require('../../tsconfig.base.json');

const root = path.resolve(__dirname, '../..');
const aliases = Object.entries(compilerOptions.paths).map(([alias, [target]]) => [alias, path.join(root, target)]);

// Node tries .js and .json before .ts: `./topics` would load topics.json beside topics.ts, so prefer the .ts.
const typeScriptSibling = (request, parent) => {
  if (!request.startsWith('.') || !parent?.filename) return undefined;
  const base = path.resolve(path.dirname(parent.filename), request);
  return [`${base}.ts`, path.join(base, 'index.ts')].find((file) => fs.existsSync(file));
};

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  const alias = aliases.find(([name]) => name === request);
  if (alias) return alias[1];
  return typeScriptSibling(request, parent) ?? resolveFilename.call(this, request, parent, ...rest);
};

Module._extensions['.ts'] = function (module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    swcrc: false,
    sourceMaps: 'inline',
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
