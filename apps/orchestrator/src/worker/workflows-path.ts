import path from 'node:path';

// workflows/ sits four levels above this folder both in the source tree and in dist/.
export const workflowsPath = require.resolve(path.join(__dirname, '..', '..', '..', '..', 'workflows'));
