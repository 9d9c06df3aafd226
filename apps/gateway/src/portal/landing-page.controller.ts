import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { landingPageHtml } from './landing-page.html';

export const PORTAL_OPTIONS = Symbol('PORTAL_OPTIONS');

export interface PortalOptions {
  temporalUiUrl?: string;
}

@ApiExcludeController()
@Controller()
export class LandingPageController {
  private readonly html: string;

  constructor(@Inject(PORTAL_OPTIONS) options: PortalOptions) {
    this.html = landingPageHtml(options);
  }

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  landingPage(): string {
    return this.html;
  }
}
