/**
 * Errors are values with a stable code: every failure becomes an ApiError, and one handler turns
 * it into the single error shape of shared/api/errors.ts.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import type { ApiErrorBody, ApiErrorCode } from '../shared/api/errors.js';
import type { AppEnv } from './env.js';
export declare class ApiError extends Error {
    readonly status: ContentfulStatusCode;
    readonly code: ApiErrorCode;
    readonly messageEn?: string | undefined;
    readonly details?: unknown | undefined;
    readonly headers?: Record<string, string> | undefined;
    constructor(status: ContentfulStatusCode, code: ApiErrorCode, message: string, messageEn?: string | undefined, details?: unknown | undefined, headers?: Record<string, string> | undefined);
}
export declare function errorBody(e: ApiError): ApiErrorBody;
export declare const notFound: () => ApiError;
export declare const forbidden: () => ApiError;
export declare function invalidRequest(error: ZodError): ApiError;
/** The hook every zValidator uses, so validation errors share the one shape. */
export declare function validationHook(result: {
    success: boolean;
    error?: unknown;
}): void;
export declare function onError(err: Error, c: Context<AppEnv>): Response;
