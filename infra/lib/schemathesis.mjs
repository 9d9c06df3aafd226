// Schemathesis (https://schemathesis.io), the OpenAPI property-based tester, from PyPI into the project's own
// .local/schemathesis/venv (a virtual environment: unlike the Temporal wheels it has dependencies). Pinned.
import fs from 'node:fs';
import path from 'node:path';
import { config } from './config.mjs';
import { run } from './proc.mjs';

export const SCHEMATHESIS_VERSION = '4.32.5';
const dir = path.join(config.localDir, 'schemathesis');
const venv = path.join(dir, 'venv');
export const schemathesisPath = path.join(venv, 'bin', 'schemathesis');

function installed() {
  try {
    return run(schemathesisPath, ['--version']).includes(`version ${SCHEMATHESIS_VERSION}`);
  } catch {
    return false;
  }
}

/** Installs the pinned Schemathesis unless it is there; throws with the reason when it cannot. */
export function ensureSchemathesis(log) {
  if (installed()) return schemathesisPath;
  const started = Date.now();
  log(`installing schemathesis ${SCHEMATHESIS_VERSION} from PyPI into ${venv}`);
  const python = process.env.PYTHON ?? 'python3';
  // Built in a scratch directory and swapped in, so an interrupted install never looks complete. A virtual
  // environment's scripts name its path, so the scratch one is made where it will stay and moved aside on failure.
  fs.mkdirSync(dir, { recursive: true });
  fs.rmSync(venv, { recursive: true, force: true });
  try {
    run(python, ['-m', 'venv', venv]);
    run(
      path.join(venv, 'bin', 'python'),
      [
        '-m',
        'pip',
        'install',
        '--only-binary=:all:',
        '--no-input',
        '--disable-pip-version-check',
        '--quiet',
        `schemathesis==${SCHEMATHESIS_VERSION}`,
      ],
      { env: { ...process.env, PIP_REQUIRE_VIRTUALENV: '0' } },
    );
  } catch (error) {
    fs.rmSync(venv, { recursive: true, force: true });
    throw new Error(`schemathesis: install failed (needs ${python} with venv and access to PyPI): ${error.message}`);
  }
  if (!installed()) throw new Error(`schemathesis: installed but ${schemathesisPath} is not ${SCHEMATHESIS_VERSION}`);
  log(`schemathesis installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return schemathesisPath;
}

// `node infra/lib/schemathesis.mjs` installs it and prints its path (the e2e suite calls it so).
if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(ensureSchemathesis((line) => console.error(`[schemathesis] ${line}`)));
}
