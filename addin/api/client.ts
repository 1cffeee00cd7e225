/** The pane's typed calls: the one client in client/ (the pane's rewrite imports it from there directly). */
export { api, call, type ApiResult } from '../../client/index.js';

/** The pane's connection: a server the clerk typed and the token they pasted. */
export interface Connection {
  server: string;
  token: string;
}
