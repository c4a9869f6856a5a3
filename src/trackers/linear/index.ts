export { createLinearTracker, type LinearTrackerDeps } from './create-linear-tracker.js';
export { LINEAR_UPLOADS_HOST } from './download-linear-attachment.js';
export { mapLinearError } from './map-linear-error.js';
export { verdictToMarkdown } from '../render/markdown/index.js';
