import { describeProvenance } from '../domain/index.js';
import { lastDayBefore } from '../waivers/waiver.js';
import type { DecisionTrigger } from './audit-event-catalog.js';
import type { AuditEntry } from './audit-entry.js';
import { readAuditEvent, type TypedAuditEntry } from './read-audit-event.js';

const TRIGGERS: Record<DecisionTrigger, string> = {
  transition: 'Move to Done checked',
  evidence: 'Re-checked after evidence arrived',
  waiver: 'Re-checked after a waiver',
  command: 'Ticket command handled',
};

/**
 * One sentence an auditor can read for an entry; the entry's data stays available beside it. An entry
 * whose data does not match its type's schema is described as such, with the field at fault.
 */
export function describeEntry(entry: AuditEntry): string {
  const read = readAuditEvent(entry);
  return read.ok ? describeTyped(read.entry) : `Entry this version of donegate cannot read (${read.problem}); its hash still covers it`;
}

function describeTyped(entry: TypedAuditEntry): string {
  switch (entry.type) {
    case 'decision': {
      const d = entry.data;
      const by = d.by ? ` (moved by ${d.by})` : '';
      const rule = d.rule ? `, rule ${d.rule} in ${d.mode ?? ''} mode` : '';
      const policy = d.policy ? `, policy v${d.policy.version} sha256 ${d.policy.hash.slice(0, 12)}…` : '';
      const criteria = d.criteria.map((c) => `${c.criterion}: ${c.status}`).join('; ');
      const reason = d.reason ? ` — ${d.reason}` : '';
      return `${TRIGGERS[d.trigger]}${by}: ${d.outcome}${rule}${policy}${criteria ? ` [${criteria}]` : ''}${reason}`;
    }
    case 'action': {
      const d = entry.data;
      return `Action ${d.action}: ${d.detail}${d.ok ? '' : ' (not done)'}`;
    }
    case 'evidence-accepted': {
      const d = entry.data;
      const provenance = d.provenance ? `; ${describeProvenance(d.provenance)}` : '';
      return `Evidence for ${d.criterion} accepted (${d.format ?? ''}, ${d.outcome}): ${d.summary}; sha256 ${d.sha256.slice(0, 12)}…${provenance}`;
    }
    case 'evidence-refused':
      return `Evidence for ${entry.data.criterion} refused: ${entry.data.reason}`;
    case 'waiver-created': {
      const d = entry.data;
      const scope = d.advisories.length > 0 ? ` (${d.advisories.join(', ')})` : '';
      return `Waiver of ${d.criterion}${scope} until ${lastDayBefore(d.expiresAt)} via ${d.approvedVia}: ${d.reason}`;
    }
    case 'waiver-expired':
      return `Waiver of ${entry.data.criterion} found expired (its last day was ${lastDayBefore(entry.data.expiresAt)}); it no longer counts`;
    case 'waiver-revoked':
      return `Waiver of ${entry.data.criterion} revoked: ${entry.data.reason}`;
    case 'token-created':
    case 'token-revoked': {
      const d = entry.data;
      const projects = d.projects.length > 0 ? `, projects ${d.projects.join(',')}` : '';
      return `API token "${d.name}" (role ${d.role}${projects}) ${entry.type === 'token-created' ? 'created' : 'revoked'}`;
    }
    case 'ui-signed-in':
      return `Signed in to the web app (${entry.data.method === 'oidc' ? 'single sign-on' : 'sign-in link'}) as ${entry.data.role}, session ${entry.data.session}`;
    case 'ui-signed-out':
      return `Signed out of the web app, session ${entry.data.session}`;
    case 'sign-in-link-created': {
      const d = entry.data;
      const projects = d.projects.length > 0 ? `, projects ${d.projects.join(',')}` : '';
      return `Sign-in link for "${d.name}" (role ${d.role}${projects}) created, usable once until ${d.expiresAt.slice(0, 16)}Z`;
    }
    case 'policy-reloaded': {
      const d = entry.data;
      return d.newHash !== undefined
        ? `Policy reloaded (${d.via}): sha256 ${d.oldHash.slice(0, 12)}… → ${d.newHash.slice(0, 12)}…, ${d.rules ?? 0} rules`
        : `Policy reload (${d.via}) refused, policy sha256 ${d.oldHash.slice(0, 12)}… kept: ${(d.problems ?? []).join('; ')}`;
    }
  }
}
