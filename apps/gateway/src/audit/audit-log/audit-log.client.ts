import { Inject, Injectable } from '@nestjs/common';
import { AuditLogService } from '@govflow/platform';
import { INTEGRITY_SERVICES, type IntegrityServices } from '../verify-integrity/verify-integrity.controller';

const ASK_WITHIN_MS = 120_000;
/** The gateway's own log (administrators' actions): asked in-process, since its port serves no internal routes. */
export const OWN_LOG = 'gateway';

export interface ServiceAnswer {
  service: string;
  status: number;
  body: unknown;
}

/** Calls each event-store service's internal /audit endpoints (see AuditLogModule in @govflow/platform). */
@Injectable()
export class AuditLogClient {
  constructor(
    @Inject(INTEGRITY_SERVICES) readonly services: IntegrityServices,
    private readonly ownLog: AuditLogService,
  ) {}

  get serviceNames(): string[] {
    return [...this.services.map((s) => s.service), OWN_LOG];
  }

  async ask(service: string, path: string, init: RequestInit = {}): Promise<ServiceAnswer> {
    if (service === OWN_LOG) return { service, ...(await this.askOwnLog(path, init)) };
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

  /** The same paths the internal routes serve, answered by the gateway's own AuditLogService. */
  private askOwnLog(path: string, init: RequestInit) {
    const [route, query = ''] = path.split('?');
    const receipt = /^\/events\/([0-9a-f-]{36})\/receipt$/i.exec(route!);
    if (route === '/public-key') return Promise.resolve(this.ownLog.publicKey());
    if (route === '/checkpoints/latest') return this.ownLog.latest();
    if (receipt) return this.ownLog.receipt(receipt[1]!);
    if (route === '/consistency') return this.ownLog.consistency(Number(new URLSearchParams(query).get('from')));
    if (route === '/verify' && init.method === 'POST') {
      const { outsideNotes = [] } = JSON.parse(typeof init.body === 'string' ? init.body : '{}') as {
        outsideNotes?: string[];
      };
      return this.ownLog.verify(outsideNotes);
    }
    return Promise.resolve({ status: 404, body: undefined });
  }
}
