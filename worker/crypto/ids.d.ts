import type { Env } from '../env.js';
export interface IdKeys {
    hmac: CryptoKey;
    enc: CryptoKey;
}
/** Throws config.missing_secret rather than ever running without the keys. */
export declare function requireSecrets(env: Env): {
    hmacKey: string;
    encKey: string;
};
export declare function idKeys(env: Env): Promise<IdKeys>;
/** The ID as validation normalized it (upper-case X); hashing the same form makes matches exact. */
export declare function normalizeId(id: string): string;
export declare function hmacId(keys: IdKeys, id: string): Promise<string>;
/** base64(iv ‖ ciphertext), a fresh random IV per value. */
export declare function encryptId(keys: IdKeys, id: string): Promise<string>;
export declare function decryptId(keys: IdKeys, stored: string): Promise<string>;
