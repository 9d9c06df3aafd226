import type { PortalClient } from '../../test/support/portal-client';

interface OpenTask {
  taskId: string;
  caseId: string;
}

/**
 * Registration officers who claim and approve every open task in their inbox; each takes the tasks whose id
 * hashes to them. Records when each case's approval was sent, the start of approval → tax record.
 */
export function startAutomatedOfficers(officers: PortalClient[], pollMs = 100) {
  const approvalSentAt = new Map<string, number>();
  let stopping = false;
  const loops = officers.map(async (officer, index) => {
    const seen = new Set<string>();
    while (!stopping) {
      const { body: tasks } = await officer.get<OpenTask[]>('/api/tasks?status=open');
      const mine = tasks.filter((t) => !seen.has(t.taskId) && hash(t.taskId) % officers.length === index);
      await Promise.all(
        mine.map(async (task) => {
          seen.add(task.taskId);
          await officer.post(`/api/tasks/${task.taskId}/claim`);
          const sent = Date.now();
          const decision = await officer.post(`/api/tasks/${task.taskId}/decision`, {
            outcome: 'approve',
            reason: 'complete',
          });
          if (decision.status === 200) approvalSentAt.set(task.caseId, sent);
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  });
  return {
    approvalSentAt,
    async stop() {
      stopping = true;
      await Promise.all(loops);
    },
  };
}

function hash(text: string): number {
  let h = 0;
  for (const char of text) h = (h * 31 + char.charCodeAt(0)) >>> 0;
  return h;
}
