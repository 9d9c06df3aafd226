// Maps the tsconfig path aliases to jest's moduleNameMapper so tests and the compiler agree.
const { compilerOptions } = require('./tsconfig.base.json');
const path = require('node:path');

exports.pathsToModuleNameMapper = () =>
  Object.fromEntries(
    Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
      `^${alias.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`,
      path.join(__dirname, target),
    ]),
  );
