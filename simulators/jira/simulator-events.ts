import type { IssueUpdatedDelivery } from './issue-updated-delivery.js';
import type { RequestLogEntry, SimComment } from './types.js';

export interface CommentEvent {
  issueKey: string;
  comment: SimComment;
  created: boolean;
}

export interface TransitionEvent {
  issueKey: string;
  transitionId: string;
  fromStatusId: string;
  toStatusId: string;
  actorAccountId: string;
  /** `rest`: through the API (donegate); `board`: `moveIssue`, as a person. */
  via: 'rest' | 'board';
  delivery: IssueUpdatedDelivery;
}

/** What a benchmark or test can wait for instead of polling: `sim.events.once('comment', …)`. */
export interface JiraSimulatorEvents {
  request: [RequestLogEntry];
  comment: [CommentEvent];
  transition: [TransitionEvent];
  labels: [{ issueKey: string; labels: string[] }];
  property: [{ issueKey: string; key: string; value: unknown }];
}
