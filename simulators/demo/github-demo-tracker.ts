import type { DemoTracker } from '../../src/demo/demo-trackers.js';
import type { SimGithubUser } from '../github/github-store.js';
import type { GithubSimulator } from '../github/index.js';
import { signGithubDelivery } from '../github/sign-github-delivery.js';
import { DEMO_GITHUB } from './demo-ticket-ids.js';

/** What the demo's GitHub simulator is created with, so its own deliveries carry `X-Hub-Signature-256`. */
export const GITHUB_DEMO_SECRET = 'demo-github-webhook-secret';

/** The samples do not say which `X-GitHub-Event` they came with; their payload's shape does. */
function githubEventOf(body: Record<string, unknown>): string {
  if ('comment' in body) return 'issue_comment';
  if ('projects_v2_item' in body) return 'projects_v2_item';
  return 'issues';
}

/**
 * acme/ml#42: a waiver asked for by someone who is not an approver, a close as not planned, then a close
 * as completed, as the samples report. GitHub signs no timestamp, so the samples replay unchanged.
 */
export function githubDemoTracker(github: GithubSimulator, closer: SimGithubUser): DemoTracker {
  const key = DEMO_GITHUB.issueKey;
  const close = () => github.closeIssue(key, closer, 'completed');
  return {
    name: 'github',
    label: 'GitHub',
    ticketKey: key,
    place: `GitHub repository ${DEMO_GITHUB.repo}`,
    simulatorUrl: github.url,
    env: { GITHUB_TOKEN: github.token, GITHUB_API_URL: github.url, GITHUB_WEBHOOK_SECRET: GITHUB_DEMO_SECRET },
    replay: [
      { file: 'issue-comment-created-waive-command.json' },
      { file: 'issues-closed-not-planned.json' },
      { file: 'issues-closed-completed.json', before: () => void close() },
    ],
    signSample: (body) => signGithubDelivery(githubEventOf(body), body, GITHUB_DEMO_SECRET, 0),
    moveToDone: close,
    view: () => {
      const issue = github.issue(key);
      const own = github.commentsOn(key).filter((comment) => comment.authorId === github.self.id);
      const last = own.at(-1);
      const status = issue ? (issue.state === 'closed' ? `closed as ${issue.stateReason ?? 'completed'}` : 'open') : '?';
      return { status, labels: issue?.labels ?? [], ownComments: own.length, ...(last ? { lastOwnComment: last.body } : {}) };
    },
  };
}
