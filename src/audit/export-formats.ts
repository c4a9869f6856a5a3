/** The formats `audit export` writes; a module of its own so the CLI's option list loads none of the writers. */
export const EXPORT_FORMATS = ['jsonl', 'csv', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
