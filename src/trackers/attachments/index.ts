export { AttachmentRefusedError, AttachmentTooLargeError } from './attachment-errors.js';
export { fetchAttachment, type AttachmentFetch } from './fetch-attachment.js';
