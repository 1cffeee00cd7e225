/** The API contract between the worker and its clients (add-in, CLI, bureau dashboard). */
export * from './errors.js';
export * from './requests.js';
export * from './responses.js';
export * from './submission.js';
export * from './history.js';
export * from './catalogue.js';
