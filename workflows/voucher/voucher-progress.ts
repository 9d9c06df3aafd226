import { upsertSearchAttributes } from '@temporalio/workflow';
import { CaseSearchAttribute } from '../../libs/contracts/src/search-attributes';
import { openTaskStates } from '../shared/human-task';
import type { VoucherInput, VoucherStatus, VoucherStatusName } from './definitions';

type Parts = Omit<VoucherStatus, 'status' | 'openTasks' | keyof VoucherInput | 'claimantId' | 'programmeCode'>;

/** What the voucher workflow shows of itself: the status query's answer, built as the voucher moves. */
export class VoucherProgress {
  private current: VoucherStatusName = 'claimed';
  readonly parts: Parts;

  constructor(
    private readonly input: VoucherInput,
    claimedAt: string,
  ) {
    this.parts = { claimedAt, enterpriseName: '' };
  }

  get status(): VoucherStatusName {
    return this.current;
  }

  /** One search-attribute upsert per change of status, so the gateway can list vouchers (paid ones publicly). */
  moveTo(status: VoucherStatusName): void {
    if (status === this.current) return;
    this.current = status;
    upsertSearchAttributes([{ key: CaseSearchAttribute.CaseStatus, value: status }]);
  }

  snapshot(): VoucherStatus {
    const { voucherId, claimant, creditCode, programme, programmeVersion, budgetYear, amountFen, timeScale } =
      this.input;
    const copy = JSON.parse(JSON.stringify(this.parts)) as Parts;
    return {
      voucherId,
      claimantId: claimant.id,
      status: this.current,
      creditCode,
      programmeCode: programme.code,
      programmeVersion,
      budgetYear,
      amountFen,
      timeScale,
      ...copy,
      openTasks: openTaskStates(),
    };
  }
}
