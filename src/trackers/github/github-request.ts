import { mapGithubError } from './map-github-error.js';

/** Runs one octokit call; whatever it throws arrives as a tracker error naming `action`. */
export async function githubRequest<T>(action: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw mapGithubError(error, action);
  }
}
