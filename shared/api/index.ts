/** The API contract between the worker and its clients (add-in, CLI, bureau dashboard). */

export * from './catalogue.js';
export * from './errors.js';
export * from './history.js';
export * from './requests.js';
export * from './responses.js';
export * from './submission.js';
