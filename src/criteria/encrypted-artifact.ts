import { artifactPolicySchema, type ArtifactPolicy } from '../artifacts/artifact-policy.js';
import { describeArtifactVerdict, overallStatus, type ArtifactVerdict } from '../artifacts/artifact-verdict.js';
import type { FindTicketArtifacts } from '../artifacts/ticket-artifact-refs.js';
import type { VerifyArtifact } from '../artifacts/verify-artifact.js';
import type { CriterionResult } from '../domain/index.js';
import type { Ticket } from '../domain/index.js';
import { artifactRefsInEvidence, mergeArtifactRefs, parseArtifactEvidence } from './artifact-evidence.js';
import { defineCriterion } from './criterion.js';

export interface EncryptedArtifactDeps {
  /** The live check; absent (as in `policy check`), evaluating reports `error`, never a verdict. */
  verifyArtifact?: VerifyArtifact;
  /** Artifacts named on the ticket itself (description, links); absent, only submitted manifests count. */
  findTicketArtifacts?: FindTicketArtifacts;
}

const ID = 'encrypted-artifact';
/** Each check may stream an object: a few at a time, and a bound on how many one ticket can ask for. */
const CONCURRENT_CHECKS = 4;
const MAX_ARTIFACTS = 50;

async function mapLimited<T, R>(items: readonly T[], limit: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await run(items[i]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

const declareFix = (ticket: Ticket) =>
  `name each artifact in an "Artifacts" section of the ticket description or link it (s3://bucket/key, gs://bucket/object), or submit it: \`donegate evidence submit --tracker ${ticket.tracker} --ticket ${ticket.key} --criterion ${ID} --artifact s3://bucket/key --sha256 <sha256>\``;

/**
 * Model and build artifacts checked live where they are stored: encryption (a customer-managed KMS key
 * from the allowed list), no public access, and the declared sha256. Each artifact gets pass, fail or
 * error; any fail fails the criterion, otherwise any error makes it `error` (could not be checked).
 */
export function createEncryptedArtifact(deps: EncryptedArtifactDeps = {}) {
  return defineCriterion<ArtifactPolicy>({
    id: ID,
    title: 'Model and build artifacts stored encrypted, with verified checksums',
    optionsSchema: artifactPolicySchema,
    async evaluate(context, policy): Promise<CriterionResult> {
      const { ticket } = context;
      const refs = mergeArtifactRefs(artifactRefsInEvidence(context.evidence), (await deps.findTicketArtifacts?.(ticket)) ?? []);
      if (refs.length === 0) return { criterion: ID, status: 'fail', reason: 'no artifacts declared', fix: declareFix(ticket) };
      if (!deps.verifyArtifact) {
        return { criterion: ID, status: 'error', reason: 'live artifact checks are not configured in this donegate process', fix: 'run the worker with artifact checks configured (see README, "Artifact checks")' };
      }
      if (refs.length > MAX_ARTIFACTS) {
        return { criterion: ID, status: 'error', reason: `the ticket names ${refs.length} artifacts; at most ${MAX_ARTIFACTS} are checked`, fix: 'list only the artifacts the ticket ships, or split the ticket' };
      }
      const verify = deps.verifyArtifact;
      const verdicts = await mapLimited(refs, CONCURRENT_CHECKS, (ref) => verify(ref, policy));
      return summarise(verdicts, ticket);
    },
    parseEvidence: (bytes, format) => parseArtifactEvidence(bytes, format),
  });
}

function summarise(verdicts: ArtifactVerdict[], ticket: Ticket): CriterionResult {
  const status = overallStatus(verdicts.map((v) => v.status));
  const count = (s: ArtifactVerdict['status']) => verdicts.filter((v) => v.status === s).length;
  const n = verdicts.length;
  const of = `${n === 1 ? 'the artifact' : `${n} artifacts`}`;
  const reason =
    status === 'pass'
      ? `${n === 1 ? 'the artifact is' : `all ${n} artifacts are`} stored as the policy requires`
      : status === 'fail'
        ? `${count('fail')} of ${n} ${n === 1 ? 'artifact does' : 'artifacts do'} not meet the policy${count('error') > 0 ? `; ${count('error')} could not be checked` : ''}`
        : `could not check ${count('error') === n ? of : `${count('error')} of ${n} artifacts`}`;
  const details = verdicts.map(describeArtifactVerdict);
  if (status === 'pass') return { criterion: ID, status, reason, details };
  const fixes = [...new Set(verdicts.flatMap((v) => v.fixes))];
  return { criterion: ID, status, reason, details, fix: `${fixes.join('; ')}; then re-submit the artifact: \`donegate evidence submit --tracker ${ticket.tracker} --ticket ${ticket.key} --criterion ${ID} --artifact <uri> --sha256 <sha256>\`` };
}
