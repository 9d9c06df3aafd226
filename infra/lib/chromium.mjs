// The browser tests drive Debian's Chromium (never Playwright's own download: these machines may be offline),
// with the CJK fonts the portal's Chinese pages need. Installed with apt-get when missing; root only.
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';

export const chromiumPath = () => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CJK_FONT_DIR = '/usr/share/fonts/opentype/noto';

const hasCjkFonts = () =>
  fs.existsSync(CJK_FONT_DIR) && fs.readdirSync(CJK_FONT_DIR).some((file) => file.startsWith('NotoSansCJK'));

function aptGet(args) {
  const result = spawnSync('apt-get', args, {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${result.status})`);
}

/** Installs chromium and fonts-noto-cjk when either is missing; a custom CHROMIUM_PATH must already exist. */
export function ensureChromium(log) {
  const path = chromiumPath();
  if (fs.existsSync(path) && hasCjkFonts()) return path;
  if (process.env.CHROMIUM_PATH && !fs.existsSync(path)) throw new Error(`CHROMIUM_PATH ${path} does not exist`);
  if (process.getuid?.() !== 0) {
    throw new Error('Chromium or its CJK fonts are missing; install the Debian packages chromium and fonts-noto-cjk');
  }
  log('installing chromium and fonts-noto-cjk from Debian packages');
  aptGet(['update', '-qq']);
  aptGet(['install', '-y', '-qq', 'chromium', 'fonts-noto-cjk']);
  if (!fs.existsSync(path)) throw new Error(`chromium installed but ${path} is missing`);
  return path;
}
