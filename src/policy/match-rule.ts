import type { Ticket } from '../domain/index.js';
import type { Policy, PolicyRule } from './policy.js';

/**
 * The first rule, in file order, that matches the ticket — like a firewall, so a security lead reads
 * the policy top-down and knows which rule wins. A rule that names neither tracker applies to both;
 * one that names a tracker applies to that tracker's listed projects or teams only.
 */
export function matchRule(policy: Policy, ticket: Ticket): PolicyRule | undefined {
  return policy.rules.find((rule) => ruleMatches(rule, ticket));
}

function ruleMatches({ match }: PolicyRule, ticket: Ticket): boolean {
  const namesTracker = match.jira !== undefined || match.linear !== undefined;
  if (namesTracker) {
    const keys = ticket.tracker === 'jira' ? match.jira?.projects : match.linear?.teams;
    if (!keys?.some((key) => key.toUpperCase() === ticket.project.toUpperCase())) return false;
  }
  if (match.labels && !match.labels.some((label) => ticket.labels.includes(label))) return false;
  // Issue types exist only in Jira; a Linear ticket is not excluded by them.
  if (match.issueTypes && ticket.tracker === 'jira' && !match.issueTypes.includes(ticket.issueType ?? '')) {
    return false;
  }
  return true;
}
