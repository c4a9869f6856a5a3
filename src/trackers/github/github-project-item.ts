import type { Octokit } from '@octokit/rest';
import { z } from 'zod';
import { TrackerPermanentError } from '../errors.js';
import { githubRequest } from './github-request.js';
import type { ProjectItemRef } from './github-project-ids.js';

/**
 * Projects (v2) exist only in GitHub's GraphQL API. One query reads which issue the item holds and the
 * option its field shows; one mutation sets the option back. Field values are read as a page of 50,
 * more than a board has fields.
 */
const READ_ITEM = /* GraphQL */ `
  query DonegateProjectItem($id: ID!) {
    node(id: $id) {
      ... on ProjectV2Item {
        id
        content {
          ... on Issue {
            number
            repository {
              nameWithOwner
            }
          }
        }
        fieldValues(first: 50) {
          nodes {
            ... on ProjectV2ItemFieldSingleSelectValue {
              optionId
              name
              field {
                ... on ProjectV2SingleSelectField {
                  id
                }
              }
            }
          }
        }
      }
    }
  }
`;

const SET_OPTION = /* GraphQL */ `
  mutation DonegateSetProjectStatus($projectId: ID!, $itemId: ID!, $fieldId: ID!, $optionId: String!) {
    updateProjectV2ItemFieldValue(
      input: { projectId: $projectId, itemId: $itemId, fieldId: $fieldId, value: { singleSelectOptionId: $optionId } }
    ) {
      projectV2Item {
        id
      }
    }
  }
`;

const itemResponse = z.object({
  node: z
    .object({
      content: z.object({ number: z.number().int().positive().optional(), repository: z.object({ nameWithOwner: z.string() }).optional() }).nullable().optional(),
      fieldValues: z
        .object({
          nodes: z.array(
            z
              .object({ optionId: z.string().nullable().optional(), name: z.string().nullable().optional(), field: z.object({ id: z.string().optional() }).optional() })
              .nullable(),
          ),
        })
        .optional(),
    })
    .nullable(),
});

export interface ProjectItemState {
  /** `owner/repo` and number of the issue the item holds. */
  repoFullName: string;
  issueNumber: number;
  /** The option the field shows now; absent when it is empty. */
  option?: { id: string; name: string };
}

export async function readProjectItem(client: Octokit, ref: ProjectItemRef): Promise<ProjectItemState> {
  const raw = await githubRequest('reading a project item', () => client.graphql(READ_ITEM, { id: ref.itemNodeId }));
  const { node } = itemResponse.parse(raw);
  const number = node?.content?.number;
  const repoFullName = node?.content?.repository?.nameWithOwner;
  if (!number || !repoFullName) {
    throw new TrackerPermanentError('github', 'not-found', 'The project item holds no issue donegate can see (deleted, a draft, or in a repository the credentials cannot read).');
  }
  const value = node.fieldValues?.nodes.find((candidate) => candidate?.field?.id === ref.fieldNodeId);
  return {
    repoFullName,
    issueNumber: number,
    ...(value?.optionId && typeof value.name === 'string' ? { option: { id: value.optionId, name: value.name } } : {}),
  };
}

export async function setProjectItemOption(client: Octokit, ref: ProjectItemRef, optionId: string): Promise<void> {
  await githubRequest('setting a project item back', () =>
    client.graphql(SET_OPTION, { projectId: ref.projectNodeId, itemId: ref.itemNodeId, fieldId: ref.fieldNodeId, optionId }),
  );
}
