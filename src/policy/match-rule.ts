import type { Ticket } from '../domain/index.js';
import { TRACKER_BASICS_LIST } from '../trackers/tracker-basics-list.js';
import type { RuleMatch } from './policy-schema.js';
import type { Policy, PolicyRule } from './policy.js';

/**
 * The first rule, in file order, that matches the ticket — like a firewall, so a security lead reads
 * the policy top-down and knows which rule wins. A rule that names no tracker applies to every tracker;
 * one that names trackers applies to the projects (teams, repositories) it lists for them only.
 */
export function matchRule(policy: Policy, ticket: Ticket): PolicyRule | undefined {
  return policy.rules.find((rule) => ruleMatches(rule, ticket));
}

function ruleMatches({ match }: PolicyRule, ticket: Ticket): boolean {
  return matchesTicket(match, ticket);
}

/** Whether a `match` block (a rule's, or a notification route's) selects the ticket. */
export function matchesTicket(match: RuleMatch, ticket: Ticket): boolean {
  const named = TRACKER_BASICS_LIST.filter((plugin) => match[plugin.name] !== undefined);
  if (named.length > 0) {
    const own = named.find((plugin) => plugin.name === ticket.tracker);
    if (!own?.policyMatch.matches(match[own.name], ticket)) return false;
  }
  if (match.labels && !match.labels.some((label) => ticket.labels.includes(label))) return false;
  // Issue types exist only in some trackers (Jira); a ticket without one is not excluded by them.
  if (match.issueTypes && ticket.issueType !== undefined && !match.issueTypes.includes(ticket.issueType)) return false;
  return true;
}
