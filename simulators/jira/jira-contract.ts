import { loadJiraOpenApiDocument } from './load-jira-openapi-document.js';
import { createOperationMatcher } from '../openapi/match-operation.js';
import { createRequestValidator } from '../openapi/validate-request.js';

export interface JiraContract {
  match: ReturnType<typeof createOperationMatcher>;
  validate: ReturnType<typeof createRequestValidator>;
}

let contract: JiraContract | undefined;

/** One contract per process: every simulator shares the parsed document and the compiled validators. */
export function getJiraContract(): JiraContract {
  if (!contract) {
    const document = loadJiraOpenApiDocument();
    contract = { match: createOperationMatcher(document), validate: createRequestValidator(document) };
  }
  return contract;
}
