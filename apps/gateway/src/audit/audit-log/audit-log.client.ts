import { Inject, Injectable } from '@nestjs/common';
import { INTEGRITY_SERVICES, type IntegrityServices } from '../verify-integrity/verify-integrity.controller';

const ASK_WITHIN_MS = 120_000;

export interface ServiceAnswer {
  service: string;
  status: number;
  body: unknown;
}

/** Calls each event-store service's internal /audit endpoints (see AuditLogModule in @govflow/platform). */
@Injectable()
export class AuditLogClient {
  constructor(@Inject(INTEGRITY_SERVICES) readonly services: IntegrityServices) {}

  get serviceNames(): string[] {
    return this.services.map((s) => s.service);
  }

  async ask(service: string, path: string, init: RequestInit = {}): Promise<ServiceAnswer> {
    const url = this.services.find((s) => s.service === service)?.url;
    if (!url) return { service, status: 404, body: undefined };
    try {
      const response = await fetch(`${url}/audit${path}`, { ...init, signal: AbortSignal.timeout(ASK_WITHIN_MS) });
      const text = await response.text();
      return { service, status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
    } catch (error) {
      return { service, status: 503, body: { detail: `${service} did not answer: ${(error as Error).message}` } };
    }
  }

  askAll(path: string, init?: RequestInit): Promise<ServiceAnswer[]> {
    return Promise.all(this.serviceNames.map((service) => this.ask(service, path, init)));
  }
}
