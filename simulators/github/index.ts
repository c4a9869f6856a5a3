export { createGithubSimulator, type GithubSimulator, type GithubSimulatorOptions, type NewGithubIssue } from './create-github-simulator.js';
export type { GithubFault, GithubFaultKind } from './github-faults.js';
export type { GithubWebhookDelivery } from './sign-github-delivery.js';
