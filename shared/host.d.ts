/**
 * The globals shared/ may use because every host it runs in has them (browsers, the pane's Web
 * Worker, Node 20, Cloudflare Workers), while no ES lib declares them. Anything else a host offers
 * belongs in that host's layer.
 */
declare function structuredClone<T>(value: T): T;

/** The WHATWG TextDecoder (UTF-8, UTF-16LE and GB18030 are all the file readers ask of it). */
interface TextDecoderOptions {
  fatal?: boolean;
  ignoreBOM?: boolean;
}
interface TextDecodeOptions {
  stream?: boolean;
}
declare class TextDecoder {
  constructor(label?: string, options?: TextDecoderOptions);
  readonly encoding: string;
  decode(input?: Uint8Array, options?: TextDecodeOptions): string;
}

/** The WHATWG TextEncoder (the .xlsx reader scans UTF-8 bytes; a rare UTF-16 part is re-encoded). */
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

/** The WHATWG URL parser (shared/api/server-address.ts checks a server address with it). */
declare class URL {
  constructor(url: string, base?: string);
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  readonly hostname: string;
  readonly port: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  readonly origin: string;
}
