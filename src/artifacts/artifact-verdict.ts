/** The result for one artifact: `error` means it could not be checked, never encrypted nor unencrypted. */
export interface ArtifactVerdict {
  uri: string;
  status: 'pass' | 'fail' | 'error';
  /** What was found, one phrase each: `SSE-KMS with arn:…`, `public access blocked`, `sha256 matches (stored checksum)`. */
  facts: string[];
  /** Why it fails: `SSE-S3 (AES256) where a customer-managed KMS key is required`, `sha256 mismatch: …`. */
  problems: string[];
  /** What could not be checked: `access denied to HeadObject`. */
  errors: string[];
  /** What to do, one step per problem or error. */
  fixes: string[];
}

const LABEL = { pass: 'pass', fail: 'fail', error: 'could not check' } as const;

/** `s3://b/k: fail — SSE-S3 (AES256) where … is required; public access possible: …` — one line for comments and the CLI. */
export function describeArtifactVerdict(verdict: ArtifactVerdict): string {
  const said =
    verdict.status === 'pass' ? verdict.facts : verdict.status === 'fail' ? [...verdict.problems, ...verdict.errors.map((e) => `could not check: ${e}`)] : verdict.errors;
  return `${verdict.uri}: ${LABEL[verdict.status]} — ${said.join('; ')}`;
}

/** fail beats error beats pass: a definite failure is certain even when another check could not run. */
export function overallStatus(statuses: Iterable<ArtifactVerdict['status']>): ArtifactVerdict['status'] {
  let worst: ArtifactVerdict['status'] = 'pass';
  for (const status of statuses) {
    if (status === 'fail') return 'fail';
    if (status === 'error') worst = 'error';
  }
  return worst;
}
