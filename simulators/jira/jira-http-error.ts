/** Jira's error body: `errorMessages` for the request as a whole, `errors` keyed by field. */
export interface JiraErrorBody {
  errorMessages: string[];
  errors: Record<string, string>;
}

/** Thrown by handlers; the server turns it into Jira's status and error body. */
export class JiraHttpError extends Error {
  override readonly name = 'JiraHttpError';
  constructor(
    readonly status: number,
    readonly body: JiraErrorBody,
  ) {
    super(body.errorMessages[0] ?? Object.values(body.errors)[0] ?? `HTTP ${status}`);
  }

  static messages(status: number, ...errorMessages: string[]): JiraHttpError {
    return new JiraHttpError(status, { errorMessages, errors: {} });
  }

  static field(status: number, field: string, message: string): JiraHttpError {
    return new JiraHttpError(status, { errorMessages: [], errors: { [field]: message } });
  }
}

export const ISSUE_NOT_FOUND_MESSAGE = 'Issue does not exist or you do not have permission to see it.';
