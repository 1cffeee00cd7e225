/**
 * Errors are values with a stable code: every failure becomes an ApiError, and one handler turns
 * it into the single error shape of shared/api/errors.ts.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import type { ApiErrorBody, ApiErrorCode } from '../shared/api/errors.js';
import type { AppEnv } from './env.js';

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ApiErrorCode,
    message: string,
    readonly messageEn?: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function errorBody(e: ApiError): ApiErrorBody {
  return {
    error: {
      code: e.code,
      message: e.message,
      ...(e.messageEn !== undefined ? { messageEn: e.messageEn } : {}),
      ...(e.details !== undefined ? { details: e.details } : {}),
    },
  };
}

export const notFound = () => new ApiError(404, 'not_found', '未找到', 'Not found');
export const forbidden = () =>
  new ApiError(403, 'auth.forbidden', '当前令牌无权执行此操作', 'This token may not do that');

export function invalidRequest(error: ZodError): ApiError {
  const issues = error.issues.slice(0, 50).map((i) => ({
    path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    message: i.message,
  }));
  return new ApiError(400, 'request.invalid', '请求内容不符合要求', 'The request is invalid', { issues });
}

/** The hook every zValidator uses, so validation errors share the one shape. */
export function validationHook(result: { success: boolean; error?: unknown }): void {
  if (!result.success) throw invalidRequest(result.error as ZodError);
}

export function onError(err: Error, c: Context<AppEnv>): Response {
  if (err instanceof ApiError) {
    for (const [k, v] of Object.entries(err.headers ?? {})) c.header(k, v);
    return c.json(errorBody(err), err.status);
  }
  if (err instanceof HTTPException && err.status === 400) {
    return c.json(
      errorBody(new ApiError(400, 'request.invalid_json', '请求体不是有效的 JSON', 'The body is not valid JSON')),
      400,
    );
  }
  // Name and a scrubbed message only: a stack, a cause or a parser's excerpt could carry an ID.
  const message = err.message.slice(0, 300).replace(/[0-9]{6,}[0-9Xx]*/g, '…');
  console.error(JSON.stringify({ rid: c.get('requestId'), route: c.req.routePath, error: err.name, message }));
  return c.json(
    errorBody(new ApiError(500, 'internal', '服务器内部错误，请稍后重试', 'Internal error, please retry')),
    500,
  );
}
