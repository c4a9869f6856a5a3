/** The formats `donegate scan --format` writes; a file of its own so the CLI's help loads no formatter. */
export const SCAN_OUTPUT_FORMATS = ['text', 'json', 'sarif'] as const;
