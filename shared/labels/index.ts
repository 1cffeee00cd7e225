/**
 * The label catalogue: every word a clerk or reviewer reads for a code of ours — rule titles,
 * statuses, review states, recognition statuses, finding and fix titles — defined once, in Chinese
 * and English, keyed by the shared types so a new code without a label fails the type-check.
 * The CLI, the pane, the dashboard, the exports and the generated docs all read it.
 */
export * from './files.js';
export * from './findings.js';
export * from './findings-list.js';
export * from './recognition.js';
export * from './rules.js';
export * from './server-address.js';
export * from './statuses.js';
export * from './template.js';
export * from './text.js';
