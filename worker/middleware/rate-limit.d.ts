/**
 * A per-token flood limit kept in the isolate's memory: a fixed one-minute window. It protects the
 * one D1 database from a runaway client, not from an attacker (each isolate counts on its own).
 */
import type { Env } from '../env.js';
export declare function checkRate(tokenId: string, env: Env, now: number): void;
