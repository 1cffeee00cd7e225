/** Small WebCrypto helpers shared by tokens, IDs and idempotency. */
export declare function toHex(buf: ArrayBuffer): string;
export declare function toBase64(bytes: Uint8Array): string;
export declare function fromBase64(b64: string): Uint8Array<ArrayBuffer>;
export declare function sha256Hex(text: string): Promise<string>;
export declare function randomToken(bytes?: number): string;
