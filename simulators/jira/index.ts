export { createJiraSimulator, type JiraSimulator, type JiraSimulatorOptions } from './create-jira-simulator.js';
export type { FaultSpec } from './fault-injector.js';
export type { IssueUpdatedDelivery } from './issue-updated-delivery.js';
export type { ChangeItem } from './apply-transition.js';
export type { JiraState, NewAttachment, NewIssue, NewTransition } from './jira-state.js';
export type { CommentEvent, JiraSimulatorEvents, TransitionEvent } from './simulator-events.js';
export { adfToPlainText } from './represent.js';
export type * from './types.js';
