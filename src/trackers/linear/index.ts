export { createLinearTracker, type LinearTrackerDeps } from './create-linear-tracker.js';
export { mapLinearError } from './map-linear-error.js';
export { verdictToMarkdown } from './verdict-to-markdown.js';
