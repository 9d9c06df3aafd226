import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import path from 'node:path';

// Every script and style comes from npm or from this folder and is served here: the machine may be offline.
const ASSETS: Readonly<Record<string, string>> = {
  'htmx.min.js': require.resolve('htmx.org/dist/htmx.min.js'),
  'htmx-sse.js': require.resolve('htmx-ext-sse/dist/sse.min.js'),
  'portal.css': path.join(__dirname, 'assets', 'portal.css'),
  'portal.js': path.join(__dirname, 'assets', 'portal.js'),
  'landing.css': path.join(__dirname, 'assets', 'landing.css'),
  'landing.js': path.join(__dirname, 'assets', 'landing.js'),
};

@ApiExcludeController()
@Controller('assets')
export class AssetsController {
  @Get(':file')
  asset(@Param('file') file: string, @Res() response: Response): void {
    const found = Object.hasOwn(ASSETS, file) ? ASSETS[file] : undefined;
    if (!found) throw new NotFoundException(`no asset ${file}`);
    response.sendFile(found, { maxAge: '1h', headers: { 'X-Content-Type-Options': 'nosniff' } });
  }
}
