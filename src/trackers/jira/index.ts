export { createJiraTracker, type JiraTrackerDeps } from './create-jira-tracker.js';
export { createJiraClient, type JiraClientConfig } from './create-jira-client.js';
export { mapJiraError } from './map-jira-error.js';
export { verdictToAdf } from './verdict-to-adf.js';
