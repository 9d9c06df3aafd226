import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { servers, uniqueId } from './servers';

const { INDEXED_VALUE_TYPE_KEYWORD } = temporal.api.enums.v1.IndexedValueType;
const caseAttributes = ['CaseId', 'CaseKind', 'CaseStatus', 'ApplicantId'];

/**
 * A Temporal namespace of the test's own on the shared dev server, with the case search attributes, so workers
 * started by this test never take tasks from another test's (or a developer's running apps') task queues.
 */
export async function createTestNamespace(prefix: string): Promise<string> {
  const namespace = uniqueId(prefix);
  const connection = await Connection.connect({ address: servers.temporalAddress });
  try {
    await connection.workflowService.registerNamespace({
      namespace,
      workflowExecutionRetentionPeriod: msToTs('1 day'),
    });
    await untilAnswers(() => connection.workflowService.describeNamespace({ namespace }));
    await connection.operatorService.addSearchAttributes({
      namespace,
      searchAttributes: Object.fromEntries(caseAttributes.map((name) => [name, INDEXED_VALUE_TYPE_KEYWORD])),
    });
    await untilAnswers(async () => {
      const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
      if (!caseAttributes.every((name) => name in (customAttributes ?? {}))) throw new Error('attributes pending');
    });
    return namespace;
  } finally {
    await connection.close();
  }
}

async function untilAnswers(attempt: () => Promise<unknown>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await attempt();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
