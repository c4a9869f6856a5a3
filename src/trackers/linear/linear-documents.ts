/**
 * The GraphQL documents donegate sends. Hand-written rather than the SDK's typed calls so that each
 * tracker operation is one round trip selecting only what it uses (the SDK's fragments select dozens of
 * fields and resolve relations lazily, one request each). All of them validate against the schema of
 * @linear/sdk 88.3.0, which the simulator enforces.
 */
export const VIEWER = /* GraphQL */ `
  query DonegateViewer {
    viewer { id }
  }
`;

/** A person's full name, for reports that name people beside their ids. */
export const USER = /* GraphQL */ `
  query DonegateUser($id: String!) {
    user(id: $id) { id name }
  }
`;

/** `issue(id:)` accepts the UUID or the identifier (`AI-7`). */
export const ISSUE = /* GraphQL */ `
  query DonegateIssue($id: String!) {
    issue(id: $id) {
      id
      identifier
      title
      url
      state { id name type }
      team { id key }
      assignee { displayName }
      labels(first: 250) { nodes { id name } }
      attachments(first: 100) {
        nodes { id title subtitle url metadata createdAt creator { id } }
        pageInfo { hasNextPage }
      }
    }
  }
`;

/** Apart from ISSUE: only artifact checks read the description, and it can be long. */
export const ISSUE_DESCRIPTION = /* GraphQL */ `
  query DonegateIssueDescription($id: String!) {
    issue(id: $id) { id description }
  }
`;

export const MOVE_ISSUE = /* GraphQL */ `
  mutation DonegateMoveIssue($id: String!, $stateId: String!) {
    issueUpdate(id: $id, input: { stateId: $stateId }) {
      success
      issue { id state { id name } }
    }
  }
`;

export const ISSUE_COMMENTS = /* GraphQL */ `
  query DonegateIssueComments($id: String!, $after: String) {
    issue(id: $id) {
      comments(first: 100, after: $after) {
        nodes { id body user { id } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`;

export const CREATE_COMMENT = /* GraphQL */ `
  mutation DonegateCreateComment($issueId: String!, $body: String!) {
    commentCreate(input: { issueId: $issueId, body: $body }) {
      success
      comment { id }
    }
  }
`;

export const UPDATE_COMMENT = /* GraphQL */ `
  mutation DonegateUpdateComment($id: String!, $body: String!) {
    commentUpdate(id: $id, input: { body: $body }) {
      success
      comment { id }
    }
  }
`;

/** The issue's labels and every label with that name it could use (workspace or team), in one request. */
export const LABEL_CONTEXT = /* GraphQL */ `
  query DonegateLabelContext($id: String!, $name: String!) {
    issue(id: $id) {
      id
      team { id }
      labels(first: 250) { nodes { id name } }
    }
    issueLabels(first: 50, filter: { name: { eqIgnoreCase: $name } }) {
      nodes { id name team { id } }
    }
  }
`;

export const CREATE_LABEL = /* GraphQL */ `
  mutation DonegateCreateLabel($input: IssueLabelCreateInput!) {
    issueLabelCreate(input: $input) {
      success
      issueLabel { id }
    }
  }
`;

/** issueAddLabel/issueRemoveLabel change one label atomically; issueUpdate(labelIds) would race with people. */
export const ADD_LABEL = /* GraphQL */ `
  mutation DonegateAddLabel($id: String!, $labelId: String!) {
    issueAddLabel(id: $id, labelId: $labelId) { success }
  }
`;

export const REMOVE_LABEL = /* GraphQL */ `
  mutation DonegateRemoveLabel($id: String!, $labelId: String!) {
    issueRemoveLabel(id: $id, labelId: $labelId) { success }
  }
`;

/** Attachments are links (uploads on uploads.linear.app, pull requests, anything with a URL). */
export const ISSUE_ATTACHMENTS = /* GraphQL */ `
  query DonegateIssueAttachments($id: String!, $after: String) {
    issue(id: $id) {
      attachments(first: 100, after: $after) {
        nodes { id title subtitle url metadata createdAt creator { id } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`;
