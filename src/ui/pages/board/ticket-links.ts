import { html, type Html } from '../../render/html.js';

/** The path of a ticket's page in the web app; the key is one path segment (`acme/ml#7` included). */
export const ticketPagePath = (tracker: string, key: string): string => `/ui/tickets/${encodeURIComponent(tracker)}/${encodeURIComponent(key)}`;

/** The key, linking to the ticket in its tracker when its URL is known (from the snapshot, http(s) only). */
export function trackerLink(key: string, url: string | undefined): Html {
  return url === undefined ? html`<span>${key}</span>` : html`<a href="${url}" rel="noreferrer noopener">${key}</a>`;
}

/** `2026-11-26 04:22 UTC`, in a `<time>` with the exact instant. */
export function utcTime(at: Date): Html {
  return html`<time datetime="${at.toISOString()}">${at.toISOString().slice(0, 16).replace('T', ' ')} UTC</time>`;
}
