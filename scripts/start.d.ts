/**
 * Development-only secrets (documented in docs/WORKER.md). Production uses `wrangler secret put`;
 * the worker refuses to run without them rather than falling back to these.
 */
export declare const DEV_SECRETS: {
    ID_HMAC_KEY: string;
    ID_ENC_KEY: string;
};
