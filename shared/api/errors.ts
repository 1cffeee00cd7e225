/**
 * The one error shape of every /api/v1 response that is not 2xx, and its stable codes. Clients
 * branch on `code`, show `message` (Chinese) to the user, and read `details` where a code defines it.
 */
import type { Finding } from '../contract/codes.js';

export type ApiErrorCode =
  | 'auth.missing_token'
  | 'auth.invalid_token'
  | 'auth.revoked_token'
  | 'auth.expired_token'
  | 'auth.forbidden'
  | 'config.missing_secret'
  | 'request.too_large'
  | 'request.invalid_json'
  | 'request.invalid_body'
  | 'request.unsupported_media_type'
  | 'request.unsupported_encoding'
  | 'request.invalid'
  | 'submission.invalid'
  | 'submission.school_mismatch'
  | 'submission.version_conflict'
  | 'submission.not_reviewable'
  | 'idempotency.key_required'
  | 'idempotency.key_reused'
  | 'policy.invalid'
  | 'catalogue.invalid'
  | 'catalogue.entry_linked'
  | 'conflict.exists'
  | 'token.revoked'
  | 'not_found'
  | 'rate_limited'
  | 'verdicts.recomputing'
  | 'internal';

/**
 * What a client meets before, or instead of, an answer in the error shape above (client/ makes
 * them): no connection, no answer in time, the caller's abort, a 2xx body that is not what the
 * route promises, and an error answer that is not the API's (a proxy's HTML page: its status).
 */
export type ClientErrorCode =
  | 'network.unreachable'
  | 'network.timeout'
  | 'network.aborted'
  | 'response.invalid'
  | `http.${number}`;

/** Every code a client can see: the API's own and the client's. */
export type ErrorCode = ApiErrorCode | ClientErrorCode;

export interface ApiErrorBody {
  error: {
    code: ApiErrorCode;
    /** Chinese, for the user. */
    message: string;
    messageEn?: string;
    details?: unknown;
  };
}

/** details of `submission.invalid` (400): the same findings `validate --json` prints. */
export interface SubmissionInvalidDetails {
  counts: { errors: number; warnings: number };
  findings: Finding[];
}

/** details of `catalogue.invalid` (400): CatalogueInvalidDetails of shared/api/catalogue.ts. */

/** details of `submission.version_conflict` (409). */
export interface VersionConflictDetails {
  expectedVersion: number;
  currentVersion: number;
}

/** details of `request.invalid` (400): zod's issues, flattened. */
export interface RequestInvalidDetails {
  issues: { path: (string | number)[]; message: string }[];
}
