import { createTicketArtifactFinder } from '../../../src/artifacts/ticket-artifact-refs.js';
import { createLinearFixture, type LinearFixture } from './linear-fixture.js';

describe('the Linear tracker reads where a ticket names its artifacts', () => {
  let f: LinearFixture;
  beforeEach(async () => {
    f = await createLinearFixture();
  });
  afterEach(async () => {
    await f.linear.close();
  });

  it('reads the Markdown description and the attachment links, within the schema', async () => {
    const issue = f.linear.addIssue({ team: 'AI', title: 'Ship the model', description: '## Artifacts\n- `gs://ai-models/churn/model.pt`\n\n## Notes\nnone' });
    f.linear.addAttachment(issue.identifier, { title: 'model on S3', url: 's3://ai-models/churn/model.onnx' });
    f.linear.addAttachment(issue.identifier, { title: 'PR #12', url: 'https://github.com/acme/churn/pull/12' });
    const ticket = await f.tracker.getTicket({ key: issue.identifier });
    expect(await f.tracker.readDescription!(ticket)).toContain('## Artifacts');
    expect((await f.tracker.listLinks!(ticket)).map((l) => [l.url, l.source])).toEqual([
      ['s3://ai-models/churn/model.onnx', 'linear-attachment'],
      ['https://github.com/acme/churn/pull/12', 'linear-attachment'],
    ]);
    const refs = await createTicketArtifactFinder({ linear: f.tracker })(ticket);
    expect(refs.map((r) => `${r.scheme}://${r.bucket}/${r.key} (${r.source})`)).toEqual(['gs://ai-models/churn/model.pt (description)', 's3://ai-models/churn/model.onnx (linear-attachment)']);
    expect(f.linear.violations).toEqual([]);
  });

  it('reads an issue without a description as empty', async () => {
    const issue = f.linear.addIssue({ team: 'AI', title: 'No description' });
    expect(await f.tracker.readDescription!(await f.tracker.getTicket({ key: issue.identifier }))).toBe('');
  });
});
