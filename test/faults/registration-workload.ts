import { establishmentApplication, tradeName } from '../support/registration-fixtures';
import type { PatientClient } from './patient-client';

interface OpenTask {
  taskId: string;
  caseId: string;
  kind: string;
}
interface CaseView {
  status: string;
  license?: { creditCode: string };
  taxRecord?: { taxpayerId: string };
}

/**
 * 三证合一 cases filed by registrants (each with an Idempotency-Key, so a retried submission is the same case) and
 * approved by automated officers, driven only through the gateway. Every case is expected to end `completed`
 * with its license and tax record.
 */
export class RegistrationWorkload {
  /** Case id by case number, once its submission was accepted. */
  readonly caseIds = new Map<number, string>();
  readonly completed = new Set<string>();
  private readonly owners = new Map<string, PatientClient>();
  private readonly submissions: Promise<void>[] = [];
  private readonly officerLoops: Promise<void>[];
  private stopping = false;
  private filed = 0;

  constructor(
    private readonly registrants: PatientClient[],
    officers: PatientClient[],
    private readonly runKey: string,
    private readonly log: (line: string) => void,
  ) {
    this.officerLoops = officers.map((officer, index) => this.officer(officer, index, officers.length));
  }

  /** Files `count` more cases in the background; each retries until the gateway accepts it. */
  file(count: number): void {
    for (let n = 0; n < count; n++) {
      const number = this.filed++;
      this.submissions.push(
        this.submit(number).catch((error: unknown) => this.log(`case ${number}: ${String(error)}`)),
      );
    }
  }

  get filedCount(): number {
    return this.filed;
  }

  /** Waits for every submission, then for every case to complete, until `deadline`; answers the stuck ones. */
  async settle(deadline: number): Promise<string[]> {
    await Promise.all(this.submissions);
    const open = () => [...this.caseIds.values()].filter((id) => !this.completed.has(id));
    while (open().length > 0 && Date.now() < deadline) {
      await Promise.all(open().map((caseId) => this.checkCompleted(caseId)));
      if (open().length > 0) await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    return open();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.officerLoops);
  }

  private async submit(n: number): Promise<void> {
    const registrant = this.registrants[n % this.registrants.length]!;
    const { status, body } = await registrant.post<{ caseId: string }>(
      '/api/registrations',
      establishmentApplication(tradeName(n)),
      { 'Idempotency-Key': `${this.runKey}-${n}` },
    );
    if (status !== 202) throw new Error(`case ${n} (${tradeName(n)}) refused: ${status} ${JSON.stringify(body)}`);
    this.caseIds.set(n, body.caseId);
    this.owners.set(body.caseId, registrant);
  }

  private async checkCompleted(caseId: string): Promise<void> {
    const registrant = this.owners.get(caseId)!;
    const { status, body } = await registrant.request<CaseView>(
      'GET',
      `/api/registrations/${caseId}`,
      undefined,
      {},
      {
        upMs: 5_000,
        accept: () => true,
      },
    );
    if (status === 200 && body.status === 'completed' && body.license && body.taxRecord) this.completed.add(caseId);
  }

  // Claims and approves the open registration reviews whose task id hashes to this officer; a decision whose answer
  // was lost is simply tried again on the next round (409 then says it is decided).
  private async officer(officer: PatientClient, index: number, officers: number): Promise<void> {
    while (!this.stopping) {
      try {
        const { body } = await officer.request<OpenTask[]>(
          'GET',
          '/api/tasks?status=open',
          undefined,
          {},
          {
            upMs: 2_000,
          },
        );
        const mine = (Array.isArray(body) ? body : []).filter((task) => hash(task.taskId) % officers === index);
        for (const task of mine) {
          if (this.stopping) break;
          const give = { upMs: 30_000 };
          const claim = await officer.request('POST', `/api/tasks/${task.taskId}/claim`, {}, {}, give);
          if (claim.status !== 200 && claim.status !== 409) this.log(`claim ${task.taskId}: ${claim.status}`);
          const decision = { outcome: 'approve', reason: 'materials complete' };
          const decided = await officer.request('POST', `/api/tasks/${task.taskId}/decision`, decision, {}, give);
          if (decided.status !== 200 && decided.status !== 409)
            this.log(`decide ${task.taskId}: ${decided.status} ${JSON.stringify(decided.body)}`);
        }
      } catch {
        // the gateway or a service is down: the next round tries again
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }
}

function hash(text: string): number {
  let h = 0;
  for (const char of text) h = (h * 31 + char.charCodeAt(0)) >>> 0;
  return h;
}
