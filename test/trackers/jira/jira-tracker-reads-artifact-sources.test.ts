import { createTicketArtifactFinder } from '../../../src/artifacts/ticket-artifact-refs.js';
import { createJiraFixture, type JiraFixture } from './jira-fixture.js';

const SHA = 'ab'.repeat(32);

describe('the Jira tracker reads where a ticket names its artifacts', () => {
  let f: JiraFixture;
  beforeEach(async () => {
    f = await createJiraFixture();
  });
  afterEach(async () => {
    await f.jira.close();
  });

  it('reads the description as lines, with ADF headings as Markdown headings and link targets kept', async () => {
    const issue = f.jira.state.createIssue({
      project: 'ML',
      description: {
        type: 'doc',
        version: 1,
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'Trains the churn model.' }] },
          { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Artifacts' }] },
          {
            type: 'bulletList',
            content: [
              { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: `s3://ml-models/churn/model.safetensors ${SHA}` }] }] },
              { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'tokenizer', marks: [{ type: 'link', attrs: { href: 'gs://ml-models/churn/tokenizer.json' } }] }] }] },
            ],
          },
        ],
      },
    });
    const ticket = await f.tracker.getTicket({ key: issue.key });
    expect(await f.tracker.readDescription!(ticket)).toBe(
      `Trains the churn model.\n## Artifacts\n- s3://ml-models/churn/model.safetensors ${SHA}\n- tokenizer gs://ml-models/churn/tokenizer.json`,
    );
    expect(f.jira.violations).toEqual([]);
  });

  it('lists remote links through GET /issue/{key}/remotelink, within the REST v3 contract', async () => {
    f.jira.state.addRemoteLink('ML-1', { url: 'https://ml-models.s3.eu-west-1.amazonaws.com/churn/model.onnx', title: 'model (ONNX)' });
    f.jira.state.addRemoteLink('ML-1', { url: 'https://github.com/acme/churn/pull/7', title: 'PR #7', globalId: 'github-pr-7', relationship: 'implemented by' });
    const ticket = await f.tracker.getTicket({ key: 'ML-1' });
    expect(await f.tracker.listLinks!(ticket)).toEqual([
      { url: 'https://ml-models.s3.eu-west-1.amazonaws.com/churn/model.onnx', title: 'model (ONNX)', source: 'jira-remote-link' },
      { url: 'https://github.com/acme/churn/pull/7', title: 'PR #7', source: 'jira-remote-link' },
    ]);
    expect(f.jira.violations).toEqual([]);
  });

  it('gives the artifact finder the description section and the S3 links, and nothing else', async () => {
    const issue = f.jira.state.createIssue({ project: 'ML', description: `Artifacts:\ns3://ml-models/churn/model.safetensors sha256 ${SHA}\n\nNotes:\ns3://scratch/ignored.bin` });
    f.jira.state.addRemoteLink(issue.key, { url: 'https://ml-models.s3.eu-west-1.amazonaws.com/churn/model.onnx?X-Amz-Signature=deadbeef', title: 'model' });
    f.jira.state.addRemoteLink(issue.key, { url: 'https://github.com/acme/churn/pull/7', title: 'PR #7' });
    const refs = await createTicketArtifactFinder({ jira: f.tracker })(await f.tracker.getTicket({ key: issue.key }));
    expect(refs).toEqual([
      { scheme: 's3', bucket: 'ml-models', key: 'churn/model.safetensors', sha256: SHA, source: 'description' },
      { scheme: 's3', bucket: 'ml-models', key: 'churn/model.onnx', source: 'jira-remote-link' },
    ]);
  });
});
