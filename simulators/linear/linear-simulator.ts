import type { LinearFault } from './fault-queue.js';
import type { LinearWebhookDelivery } from './issue-webhook-delivery.js';
import type {
  LinearFileRequestRecord,
  LinearRequestRecord,
  LinearSimulatorEmitter,
  LinearViolation,
} from './linear-simulator-events.js';
import type {
  LinearStore,
  SimAttachment,
  SimComment,
  SimIssue,
  SimLabel,
  SimTeam,
  SimUser,
  SimWorkflowState,
  WorkflowStateType,
} from './linear-store.js';
import type { NewIssue, NewLabel } from './linear-writes.js';

export interface LinearSimulatorOptions {
  /** The personal API key the simulator accepts in `Authorization`. Default `lin_api_simulator`. */
  apiKey?: string;
  /** Id of the key's owner (the `viewer`, donegate's own account). Default: a fresh UUID. */
  viewerId?: string;
  viewerName?: string;
  /** When set, deliveries from `moveIssue` carry `linear-signature` computed with it. */
  webhookSecret?: string;
}

export interface NewState {
  name: string;
  type: WorkflowStateType;
  color?: string;
  id?: string;
}

export interface NewTeam {
  key: string;
  name?: string;
  id?: string;
  /** Default: Linear's default workflow (Backlog, Todo, In Progress, In Review, Done, Canceled, Duplicate). */
  states?: NewState[];
}

export interface NewAttachment {
  title: string;
  /** Where the attachment links to. Omit it and give `content` to have the simulator serve the file. */
  url?: string;
  /** The file, served at `<simulator>/files/<id>/<filename>` to requests carrying the API key. */
  content?: Buffer | string;
  /** The last segment of the served URL; default the title. */
  filename?: string;
  contentType?: string;
  /** Serve the content in chunks without `Content-Length`. */
  streamed?: boolean;
  subtitle?: string;
  metadata?: Record<string, unknown>;
  /** Default the viewer (donegate's own account). */
  creatorId?: string;
}

export interface MoveActor {
  actorId: string;
  actorName?: string;
}

export interface LinearSimulator {
  /** GraphQL endpoint, for `new LinearClient({ apiKey, apiUrl: url })` or LINEAR_API_URL. */
  readonly url: string;
  readonly apiKey: string;
  readonly viewer: SimUser;
  readonly store: LinearStore;
  readonly events: LinearSimulatorEmitter;
  /** Documents the real Linear would refuse (and simulator gaps); a passing test should leave this empty. */
  readonly violations: LinearViolation[];
  readonly requests: LinearRequestRecord[];
  /** Requests for files the simulator serves (`/files/…`). */
  readonly fileRequests: LinearFileRequestRecord[];
  addTeam(team: NewTeam): SimTeam & { states: SimWorkflowState[] };
  addState(team: string, state: NewState): SimWorkflowState;
  addUser(user: { name: string; email?: string; id?: string }): SimUser;
  addLabel(label: NewLabel): SimLabel;
  /** `team` is a key or id; `stateId` may also be a state name of that team. */
  addIssue(issue: NewIssue): SimIssue;
  /** A comment as someone wrote it on the board (default author: a fresh user who is not the viewer). */
  addComment(issue: string, body: string, userId?: string): SimComment;
  /**
   * An attachment on the issue, resolved through `issue.attachments`. With `content`, the simulator serves
   * the file itself (as uploads.linear.app does, only to requests carrying the API key).
   */
  addAttachment(issue: string, attachment: NewAttachment): SimAttachment;
  issue(idOrIdentifier: string): SimIssue | undefined;
  stateOf(idOrIdentifier: string): SimWorkflowState | undefined;
  labelNamesOf(idOrIdentifier: string): string[];
  commentsOn(idOrIdentifier: string): SimComment[];
  /** A state of the issue's team by name (`Done`). */
  stateNamed(team: string, name: string): SimWorkflowState | undefined;
  /**
   * Move an issue as a person on the board would, and return the webhook Linear would send for it.
   * The simulator does not POST it: the caller decides where, when and how often it arrives.
   */
  moveIssue(idOrIdentifier: string, toStateId: string, actor: MoveActor): LinearWebhookDelivery;
  failNext(fault: LinearFault): void;
  clearFaults(): void;
  close(): Promise<void>;
}
