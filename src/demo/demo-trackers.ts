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

/** A webhook delivery as the tracker sends it: the exact bytes and the headers that travel with them. */
export interface DemoDelivery {
  rawBody: string;
  headers: Record<string, string>;
}

/** One sample from `webhooks/<tracker>/` to replay, after the change it reports has been made on the simulator. */
export interface DemoReplayStep {
  file: string;
  before?: () => void;
}

/**
 * One registered tracker as the demo shows it: its simulator, seeded with one ticket, and what donegate
 * needs to talk to it. The demo iterates over these and never branches on a tracker's name.
 */
export interface DemoTracker {
  /** The registered tracker's name, as in `TRACKER_PLUGINS`. */
  name: string;
  /** How people call it ("Jira"). */
  label: string;
  ticketKey: string;
  /** Where the ticket lives, for the demo's heading ("Jira project ML"). */
  place: string;
  simulatorUrl: string;
  /** The environment that switches the tracker's plugin on against the simulator. */
  env: Record<string, string>;
  /** The sample deliveries to replay, in order. */
  replay: DemoReplayStep[];
  /** A sample made current for this simulator (its own ids, a fresh signed timestamp), signed as the tracker signs. */
  signSample(body: Record<string, unknown>): DemoDelivery;
  /** Moves the ticket into its done state as a person would, and returns the delivery the tracker sends about it. */
  moveToDone(): DemoDelivery;
  view(): DemoTicketView;
}

/**
 * What the demo needs of its built-in trackers and S3. The simulators that provide it live outside the
 * production build (`simulators/demo/`), so the demo names only this shape and loads them when it runs.
 */
export interface DemoTrackers {
  trackers: DemoTracker[];
  /** The real AWS SDK pointed at the built-in S3 that holds the demo's model file. */
  s3: S3Client;
  close(): Promise<void>;
}

export type StartDemoTrackers = () => Promise<DemoTrackers>;
