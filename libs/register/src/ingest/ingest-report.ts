/** One rejected row of an extract: where it is, which record, which field, and why. */
export interface Rejection {
  line: number;
  /** The record's key (USCC, citizen ID, …) when the row had one. */
  key?: string;
  field?: string;
  code: string;
  message: string;
}

export interface IngestProgress {
  rowsRead: number;
  accepted: number;
  rejected: number;
  bytesRead: number;
  /** receiving: the upload arrives (bytesRead only); reading: rows are read and staged; applying; done. */
  phase: 'receiving' | 'reading' | 'applying' | 'done';
}

/** What an ingest did; counts are exact, `rejections` lists at most the first REJECTION_DETAIL_LIMIT. */
export interface IngestReport {
  format: 'ndjson' | 'csv';
  rowsRead: number;
  accepted: number;
  registered: number;
  changed: number;
  unchanged: number;
  replayed: number;
  /** Rows of the extract replaced by a later row of the same record in it (a newer version, or the same again). */
  superseded: number;
  /** Those rows (the first REJECTION_DETAIL_LIMIT): line and key. */
  supersededRows: Array<{ line: number; key: string }>;
  rejected: number;
  rejections: Rejection[];
  rejectionsTruncated: boolean;
  durationMs: number;
}

export const REJECTION_DETAIL_LIMIT = 1000;
