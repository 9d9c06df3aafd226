import type { FieldError } from '../../http/api-error';

/** What the application form posts: the declaration chosen and which investors' commitments are signed. */
export interface DeregistrationForm {
  declaration: string;
  /** Indexes into the register's investors. */
  signed: string[];
}

const DECLARATIONS = ['neverOpened', 'noDebts'] as const;

/** The API request: the declaration, and a commitment for each investor whose signature the applicant ticked. */
export function deregistrationRequestOf(
  creditCode: string,
  form: DeregistrationForm,
  investors: readonly { name: string; idNumber: string }[],
  signedAt: Date,
) {
  const declared = DECLARATIONS.find((d) => d === form.declaration);
  return {
    creditCode,
    declaration: declared ? { [declared]: true } : {},
    commitments: investors
      .filter((_, i) => form.signed.includes(String(i)))
      .map(({ name, idNumber }) => ({ name, idNumber, signedAt: signedAt.toISOString() })),
  };
}

// Market regulation's reasons start in Chinese; the request schema's messages are English (with a term in brackets).
const CHINESE = /^\p{Script=Han}/u;

/**
 * The API's refusal on the form's fields: `declaration`, one investor (`commitments.N…` → `commitment-N`) or the list.
 * Market regulation words its reasons in Chinese, naming the investor; the schema's English messages are replaced.
 */
export function applicationFormErrors(
  status: number,
  errors: readonly FieldError[],
  investors: readonly { idNumber: string }[],
): FieldError[] {
  if (status === 409) {
    return errors.map((e) => ({ field: null, message: CHINESE.test(e.message) ? e.message : '不符合简易注销条件' }));
  }
  return errors.map(({ field, message }) => {
    const chinese = CHINESE.test(message);
    if (field === 'declaration')
      return { field: 'declaration-noDebts', message: '请选择一项承诺：未开业，或无债权债务' };
    const investor = /^commitments\.(\d+)/.exec(field ?? '')?.[1];
    if (investor !== undefined) {
      return { field: `commitment-${investor}`, message: chinese ? message : '此投资人的承诺书信息与登记不符' };
    }
    if (field === 'commitments') {
      // A missing commitment names the investor: its checkbox is where to put it right.
      const missing = Math.max(
        0,
        investors.findIndex((investor) => message.includes(investor.idNumber)),
      );
      return { field: `commitment-${missing}`, message: chinese ? message : '须由登记的全体投资人签署承诺书' };
    }
    return { field: null, message: chinese ? message : '申请信息有误，请检查后重新提交' };
  });
}
