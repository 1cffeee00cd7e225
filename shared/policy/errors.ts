/** Errors of the policy engine's inputs, as values with stable codes (thrown; see each function). */
export type PolicyErrorCode =
  | 'policy.future_year'
  | 'policy.year_invalid'
  | 'policy.as_of_invalid'
  | 'policy.as_of_before_year';

export class PolicyError extends Error {
  override readonly name = 'PolicyError';

  constructor(
    readonly code: PolicyErrorCode,
    message: string,
  ) {
    super(message);
  }
}
