/** Access tokens: only the SHA-256 of a token is stored; the token itself is shown once. */
import type { TokenInfo } from '../../shared/api/responses.js';
import type { Role } from '../env.js';
export interface TokenRow {
    id: string;
    role: Role;
    school_code: string | null;
    bureau_id: string | null;
    label: string;
    created_at: string;
    expires_at: string | null;
    revoked_at: string | null;
}
export declare function findTokenByHash(db: D1Database, hash: string): Promise<any>;
export declare function toTokenInfo(r: TokenRow): TokenInfo;
/** "sx_" + role initial + 32 random base64url characters: recognisable in a leaked log. */
export declare function newTokenSecret(role: Role): string;
export interface NewToken {
    role: Role;
    schoolCode: string | null;
    bureauId: string | null;
    label: string;
    expiresAt: string | null;
}
export declare function insertTokenStatement(db: D1Database, t: NewToken, now: string): Promise<{
    token: string;
    row: TokenRow;
    stmt: any;
}>;
export declare function listTokens(db: D1Database): Promise<TokenRow[]>;
export declare function revokeToken(db: D1Database, id: string, now: string): Promise<TokenRow | null>;
