/**
 * The dashboard's connection to the API: the one typed client (client/, hc<AppType>) with the
 * session's token read at every call. Pages await `value(...)`, which turns a failure into a thrown
 * CallError so that a page has one catch for "show the error box"; downloads keep the token in a
 * header (never in a URL) and hand the file to the browser.
 */
import { type ApiFailure, createClient, type Download, type Sent } from '../../client/index.js';
import { getToken } from './session.js';

/** A failed call as an exception: the client's failure (stable code, Chinese and English message). */
export class CallError extends Error {
  constructor(readonly failure: ApiFailure) {
    super(failure.message);
  }

  get status(): number | null {
    return this.failure.status;
  }
}

let onUnauthorized: () => void = () => undefined;

/** What to do when the session's token stops working (revoked, expired): main signs out. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

/** The page's own origin; the token of this browser session. */
export const client = createClient({
  server: location.origin,
  token: getToken,
  onUnauthorized: () => onUnauthorized(),
});

/** A client for one token that is not yet the session's (the sign-in check): a 401 there signs nobody out. */
export const clientWith = (token: string) => createClient({ server: location.origin, token });

export async function value<T>(sent: Promise<Sent<T>>): Promise<T> {
  const result = await sent;
  if (!result.ok) throw new CallError(result);
  return result.value;
}

/** Saves an export under the name the server gave it. */
export async function save(sent: Promise<Sent<Download>>, fallbackName: string): Promise<void> {
  const file = await value(sent);
  const url = URL.createObjectURL(file.blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename ?? fallbackName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
