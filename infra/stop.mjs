#!/usr/bin/env node
// npm run stop: every app, then every server, each by its own pid file.
import { stopApps } from './lib/apps.mjs';
import { down } from './dev.mjs';

await stopApps();
await down();
console.log('stopped');
