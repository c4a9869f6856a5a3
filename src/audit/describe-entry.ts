import { describeProvenance, readProvenance } from '../domain/index.js';
import type { AuditEntry } from './audit-entry.js';

const text = (value: unknown): string => (typeof value === 'string' ? value : value === undefined || value === null ? '' : JSON.stringify(value));

const TRIGGERS: Record<string, string> = {
  transition: 'Move to Done checked',
  evidence: 'Re-checked after evidence arrived',
  waiver: 'Re-checked after a waiver',
  command: 'Ticket command handled',
};

/** One sentence an auditor can read for an entry; the entry's data stays available beside it. */
export function describeEntry(entry: AuditEntry): string {
  const d = entry.data;
  switch (entry.type) {
    case 'decision': {
      const by = d.by ? ` (moved by ${text(d.by)})` : '';
      const rule = d.rule ? `, rule ${text(d.rule)} in ${text(d.mode)} mode` : '';
      const policy = d.policy && typeof d.policy === 'object' && !Array.isArray(d.policy) ? `, policy v${text(d.policy.version)} sha256 ${text(d.policy.hash).slice(0, 12)}…` : '';
      const criteria = Array.isArray(d.criteria)
        ? d.criteria.map((c) => (c && typeof c === 'object' && !Array.isArray(c) ? `${text(c.criterion)}: ${text(c.status)}` : '')).join('; ')
        : '';
      const reason = d.reason ? ` — ${text(d.reason)}` : '';
      return `${TRIGGERS[text(d.trigger)] ?? 'Decision'}${by}: ${text(d.outcome)}${rule}${policy}${criteria ? ` [${criteria}]` : ''}${reason}`;
    }
    case 'action':
      return `Action ${text(d.action)}: ${text(d.detail)}${d.ok === false ? ' (not done)' : ''}`;
    case 'evidence-accepted': {
      const provenance = readProvenance(d.provenance);
      return `Evidence for ${text(d.criterion)} accepted (${text(d.format)}, ${text(d.outcome)}): ${text(d.summary)}; sha256 ${text(d.sha256).slice(0, 12)}…${provenance ? `; ${describeProvenance(provenance)}` : ''}`;
    }
    case 'evidence-refused':
      return `Evidence for ${text(d.criterion)} refused: ${text(d.reason)}`;
    case 'waiver-created': {
      const scope = Array.isArray(d.advisories) && d.advisories.length > 0 ? ` (${d.advisories.map(text).join(', ')})` : '';
      return `Waiver of ${text(d.criterion)}${scope} until ${text(d.expiresAt).slice(0, 10)} via ${text(d.approvedVia)}: ${text(d.reason)}`;
    }
    case 'waiver-expired':
      return `Waiver of ${text(d.criterion)} found expired (ended ${text(d.expiresAt).slice(0, 10)}); it no longer counts`;
    case 'token-created':
    case 'token-revoked':
      return `API token "${text(d.name)}" (role ${text(d.role)}${Array.isArray(d.projects) && d.projects.length > 0 ? `, projects ${d.projects.map(text).join(',')}` : ''}) ${entry.type === 'token-created' ? 'created' : 'revoked'}`;
  }
}
