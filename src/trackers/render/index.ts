export { commandSegments, fixSegments } from './command-segments.js';
export { FIELD_LIMITS } from './field-limits.js';
export { joinText, type InlineSegment } from './inline-segment.js';
export { ADVISORY_LINK_HOSTS, createLinkPolicy, type LinkPolicy, type LinkPolicyOptions } from './link-policy.js';
