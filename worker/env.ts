/** The worker's bindings and the per-request variables its middleware sets. */
import type { StoreStep } from './submission/store.js';

export interface Env {
  DB: D1Database;
  ASSETS?: Fetcher;
  /** HMAC-SHA-256 key for resident ID numbers (any string of at least 16 characters). */
  ID_HMAC_KEY?: string;
  /** AES-GCM-256 key for the encrypted ID copies: 32 bytes, base64. */
  ID_ENC_KEY?: string;
  /** Request body limit in bytes, after decompression (default 48 MiB). */
  MAX_BODY_BYTES?: string;
  /** Requests a token may make per minute before 429 (default 1200). */
  RATE_LIMIT_PER_MINUTE?: string;
}

export type Role = 'clerk' | 'reviewer' | 'admin';

export interface Auth {
  tokenId: string;
  role: Role;
  label: string;
  /** A clerk's school. */
  schoolCode: string | null;
  /** A reviewer's bureau, or a clerk's school's bureau. */
  bureauId: string | null;
  /** When the token stops working (null: never), so clients can warn before it does. */
  expiresAt: string | null;
}

/** Test-only: called before each storage step of a submission; throwing simulates a failure there. */
export type FaultHook = (step: StoreStep) => void | Promise<void>;

export interface AppOptions {
  faults?: FaultHook;
  /** The clock (tests pin it). */
  now?: () => Date;
}

export interface AppEnv {
  Bindings: Env;
  Variables: {
    requestId: string;
    auth: Auth;
    options: AppOptions;
  };
}
