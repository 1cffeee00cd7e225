/**
 * The three stored forms of a resident ID number: a keyed hash to match the same teacher across
 * versions and schools, the masked form for display, and an AES-GCM copy that only the audited
 * admin export decrypts. The plain number lives only in memory during one request.
 */

import type { Env } from '../env.js';
import { ApiError } from '../errors.js';
import { fromBase64, toBase64, toHex } from './digest.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export interface IdKeys {
  hmac: CryptoKey;
  enc: CryptoKey;
}

const cache = new Map<string, Promise<IdKeys>>();

function missing(name: string): ApiError {
  return new ApiError(
    500,
    'config.missing_secret',
    `服务器未配置密钥 ${name}（wrangler secret put ${name}）`,
    `The server has no ${name} secret (wrangler secret put ${name})`,
  );
}

/** Throws config.missing_secret rather than ever running without the keys. */
export function requireSecrets(env: Env): { hmacKey: string; encKey: string } {
  if (!env.ID_HMAC_KEY || env.ID_HMAC_KEY.length < 16) throw missing('ID_HMAC_KEY');
  if (!env.ID_ENC_KEY) throw missing('ID_ENC_KEY');
  let raw: Uint8Array;
  try {
    raw = fromBase64(env.ID_ENC_KEY);
  } catch {
    throw missing('ID_ENC_KEY');
  }
  if (raw.length !== 32) throw missing('ID_ENC_KEY');
  return { hmacKey: env.ID_HMAC_KEY, encKey: env.ID_ENC_KEY };
}

export function idKeys(env: Env): Promise<IdKeys> {
  const { hmacKey, encKey } = requireSecrets(env);
  const cacheKey = `${hmacKey}\u0000${encKey}`;
  let keys = cache.get(cacheKey);
  if (!keys) {
    keys = (async () => ({
      hmac: await crypto.subtle.importKey('raw', encoder.encode(hmacKey), { name: 'HMAC', hash: 'SHA-256' }, false, [
        'sign',
      ]),
      enc: await crypto.subtle.importKey('raw', fromBase64(encKey), { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']),
    }))();
    cache.set(cacheKey, keys);
  }
  return keys;
}

/** The ID as validation normalized it (upper-case X); hashing the same form makes matches exact. */
export function normalizeId(id: string): string {
  return id.trim().toUpperCase();
}

export async function hmacId(keys: IdKeys, id: string): Promise<string> {
  return toHex(await crypto.subtle.sign('HMAC', keys.hmac, encoder.encode(normalizeId(id))));
}

/** base64(iv ‖ ciphertext), a fresh random IV per value. */
export async function encryptId(keys: IdKeys, id: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, keys.enc, encoder.encode(normalizeId(id))),
  );
  const out = new Uint8Array(iv.length + ct.length);
  out.set(iv);
  out.set(ct, iv.length);
  return toBase64(out);
}

export async function decryptId(keys: IdKeys, stored: string): Promise<string> {
  const raw = fromBase64(stored);
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: raw.subarray(0, 12) }, keys.enc, raw.subarray(12));
  return decoder.decode(plain);
}
