/** The files iepkit writes. */
export const FORMATS = ['docx', 'pdf', 'html'] as const;
export type OutputFormat = (typeof FORMATS)[number];
