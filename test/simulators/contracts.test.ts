import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const REFERENCE = resolve(process.cwd(), '../shared/reference');
const VENDORED = resolve(process.cwd(), 'simulators/contracts');
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

// The simulators must validate against exactly the contracts the project references; a drifted copy
// would let a request the real tracker refuses pass unnoticed.
(existsSync(REFERENCE) ? describe : describe.skip)('the vendored tracker contracts', () => {
  it.each(['jira-platform-openapi-v3.json', 'linear-schema.graphql'])('%s is identical to the reference copy', (file) => {
    expect(sha256(resolve(VENDORED, file))).toBe(sha256(resolve(REFERENCE, file)));
  });
});
