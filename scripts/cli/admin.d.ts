import { type ClientOptions } from '../../client/index.js';
export declare const ADMIN_USAGE = "usage: npm run --silent cli -- admin <command> [options]\n\n  init --local|--remote [--persist-to DIR] [--label TEXT]     create the first admin token (printed once)\n\n  against a running worker (--server URL --token ADMIN_TOKEN, or SHIXUN_SERVER / SHIXUN_TOKEN):\n  bureau add --id ID --name NAME\n  bureau list\n  school add --code CODE --name NAME --type \u5C0F\u5B66 --rural yes|no --bureau ID\n  school list [--bureau ID]\n  token issue --role clerk|reviewer|admin (--school CODE | --bureau ID) [--label TEXT] [--expires ISO-TIME]\n  token revoke TOKEN_ID\n  token list\n  policy put --year Y --bureau ID --file POLICY.json [--deadline YYYY-MM-DD]\n  policy get --year Y --bureau ID\n  export --year Y --bureau ID --out FILE [--format csv|xlsx]   full ID numbers; audited\n\n  add --json for machine-readable output.\nexit status: 0 ok, 1 refused by the server, 2 wrong call, 3 network or server failure\n";
interface Io {
    stdout: (text: string) => void;
    stderr: (text: string) => void;
}
/** Seams of the client that tests replace (a fake server's fetch, no real waiting between retries). */
export type AdminSeams = Pick<ClientOptions, 'fetch' | 'retry'>;
export declare function adminCommand(argv: readonly string[], io?: Io, seams?: AdminSeams): Promise<number>;
export {};
