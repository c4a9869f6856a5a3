import type { S3Client } from '@aws-sdk/client-s3';

/** How the demo shows a ticket after donegate has acted on it. */
export interface DemoTicketView {
  status: string;
  labels: string[];
  /** How many comments donegate's own account has on the ticket (one, edited in place, when all is well). */
  ownComments: number;
  /** donegate's latest comment as plain text. */
  lastOwnComment?: string;
}

/** One built-in tracker, seeded with the demo ticket. */
export interface DemoTracker {
  /** Moves the ticket as a person would, and returns the webhook body the tracker sends about it. */
  moveTicket(key: string, statusId: string): Record<string, unknown>;
  view(key: string): DemoTicketView;
}

/**
 * What the demo needs of its built-in Jira, Linear and S3. The simulators that provide it live outside the
 * production build (`simulators/demo/`), so the demo names only this shape and loads them when it runs.
 */
export interface DemoTrackers {
  jira: DemoTracker & { baseUrl: string; email: string; apiToken: string; issueId(key: string): string };
  linear: DemoTracker & { apiUrl: string; apiKey: string };
  /** The real AWS SDK pointed at the built-in S3 that holds the demo's model file. */
  s3: S3Client;
  close(): Promise<void>;
}

export type StartDemoTrackers = () => Promise<DemoTrackers>;
