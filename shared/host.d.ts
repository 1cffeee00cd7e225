/**
 * The globals shared/ may use because every host it runs in has them (browsers, the pane's Web
 * Worker, Node 20, Cloudflare Workers), while no ES lib declares them. Anything else a host offers
 * belongs in that host's layer.
 */
declare function structuredClone<T>(value: T): T;
