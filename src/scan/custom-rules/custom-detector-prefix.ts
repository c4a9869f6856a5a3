/** Detector ids of custom rules: `custom:<rule id>`, apart from every built-in id. */
export const CUSTOM_DETECTOR_PREFIX = 'custom:';
