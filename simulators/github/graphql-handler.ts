import { validate as validateAgainstGithubSchema } from '@octokit/graphql-schema';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { isoNow, type GithubStore } from './github-store.js';

export interface GraphqlAnswer {
  status: number;
  body: unknown;
  /** The root fields asked for (`node`, `updateProjectV2ItemFieldValue`), for the request log. */
  rootFields: string[];
  /** Why the document would not run on GitHub, when it would not. */
  violation?: string;
}

/**
 * GitHub's GraphQL endpoint, for the two things donegate asks of it: which issue a project item holds and
 * the option its fields show (`node`), and setting an option (`updateProjectV2ItemFieldValue`). Every
 * document is first validated against GitHub's published schema (@octokit/graphql-schema); the answer
 * carries the fields donegate's documents select.
 */
export function createGraphqlHandler(store: GithubStore) {
  const itemByNodeId = (id: unknown) => [...store.items.values()].find((item) => item.nodeId === id);

  return function handleGraphql(raw: unknown): GraphqlAnswer {
    const request = (typeof raw === 'object' && raw !== null ? raw : {}) as { query?: unknown; variables?: unknown };
    if (typeof request.query !== 'string') return refuse('the request has no query', []);
    const problems = validateAgainstGithubSchema(request.query);
    if (problems.length > 0) return refuse(problems.map((problem) => problem.message).join('; '), []);
    const operation = parse(request.query).definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
    const rootFields = (operation?.selectionSet.selections ?? []).flatMap((selection) => (selection.kind === Kind.FIELD ? [selection.name.value] : []));
    const variables = (typeof request.variables === 'object' && request.variables !== null ? request.variables : {}) as Record<string, unknown>;

    if (rootFields.length === 1 && rootFields[0] === 'node') {
      const item = itemByNodeId(variables.id);
      if (!item) return { status: 200, rootFields, body: { data: { node: null }, errors: [{ type: 'NOT_FOUND', path: ['node'], message: `Could not resolve to a node with the global id of '${String(variables.id)}'` }] } };
      const issue = store.issues.get(item.issueKey);
      const project = store.projects.get(item.projectNodeId);
      const option = project?.options.find((candidate) => candidate.id === item.optionId);
      const values = option && project ? [{ optionId: option.id, name: option.name, field: { id: project.statusFieldId } }] : [];
      return {
        status: 200,
        rootFields,
        body: {
          data: {
            node: { id: item.nodeId, content: issue ? { number: issue.number, repository: { nameWithOwner: issue.repo } } : null, fieldValues: { nodes: [{}, ...values] } },
          },
        },
      };
    }
    if (rootFields.length === 1 && rootFields[0] === 'updateProjectV2ItemFieldValue') {
      const item = itemByNodeId(variables.itemId);
      const project = store.projects.get(String(variables.projectId));
      const option = project?.options.find((candidate) => candidate.id === variables.optionId);
      if (!item || !project || item.projectNodeId !== project.nodeId || variables.fieldId !== project.statusFieldId || !option) {
        return { status: 200, rootFields, body: { data: { updateProjectV2ItemFieldValue: null }, errors: [{ type: 'NOT_FOUND', message: 'Could not resolve the project, item, field or option.' }] } };
      }
      item.optionId = option.id;
      item.updatedAt = isoNow();
      return { status: 200, rootFields, body: { data: { updateProjectV2ItemFieldValue: { projectV2Item: { id: item.nodeId } } } } };
    }
    return refuse(`the simulator does not serve ${rootFields.join(', ') || 'this document'}`, rootFields);
  };
}

function refuse(message: string, rootFields: string[]): GraphqlAnswer {
  return { status: 200, rootFields, violation: message, body: { errors: [{ message }] } };
}
