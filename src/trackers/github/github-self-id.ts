import type { Octokit } from '@octokit/rest';

/**
 * The numeric id of the account donegate comments and reopens as, which is also `sender.id` in the
 * deliveries its own actions cause. A token acts as its user (`GET /user`). An App acts as its bot user
 * `<slug>[bot]`, whose id `GET /app` does not give, so it is looked up by name
 * (https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/about-authentication-with-a-github-app).
 */
export async function readGithubSelfId(client: Octokit, authKind: 'token' | 'app'): Promise<string> {
  if (authKind === 'token') {
    const { data } = await client.rest.users.getAuthenticated();
    return String(data.id);
  }
  const { data: app } = await client.rest.apps.getAuthenticated();
  if (!app?.slug) throw new Error('GitHub did not say which App the private key belongs to.');
  const { data: bot } = await client.rest.users.getByUsername({ username: `${app.slug}[bot]` });
  return String(bot.id);
}
