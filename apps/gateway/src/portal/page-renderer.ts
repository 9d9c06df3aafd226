import { Injectable } from '@nestjs/common';
import fs from 'node:fs';
import path from 'node:path';
import nunjucks from 'nunjucks';
import { portalFilters } from './portal-filters';

/** Where each area keeps its templates: a template is named `<area>/<file>.njk`. */
const TEMPLATE_ROOTS: Readonly<Record<string, string>> = {
  portal: path.join(__dirname, 'views'),
  registrations: path.join(__dirname, '..', 'registrations', 'pages', 'views'),
  tasks: path.join(__dirname, '..', 'tasks', 'pages', 'views'),
  audit: path.join(__dirname, '..', 'audit', 'pages', 'views'),
  deregistrations: path.join(__dirname, '..', 'deregistrations', 'pages', 'views'),
  permits: path.join(__dirname, '..', 'permits', 'pages', 'views'),
  science: path.join(__dirname, '..', 'science', 'pages', 'views'),
};

/** Each process keeps its pages beside its API slice; this finds `<area>/<file>` in that area's folder. */
const areaLoader: nunjucks.ILoader = {
  getSource(name: string): nunjucks.LoaderSource {
    const [area = '', file] = name.split('/');
    const root = TEMPLATE_ROOTS[area];
    if (!root || !file) throw new Error(`template ${name} is not <area>/<file>`);
    const fullPath = path.join(root, file);
    return { src: fs.readFileSync(fullPath, 'utf8'), path: fullPath, noCache: false };
  },
};

/** Renders the portal's Nunjucks templates, HTML-escaped by default. */
@Injectable()
export class PageRenderer {
  private readonly env = new nunjucks.Environment(areaLoader, { autoescape: true });

  constructor() {
    for (const [name, filter] of Object.entries(portalFilters)) this.env.addFilter(name, filter);
  }

  render(template: string, context: object): string {
    return this.env.render(template, context);
  }
}
