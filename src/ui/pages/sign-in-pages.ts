import { Router, type Request, type Response } from 'express';
import { uiSignedInEvent, uiSignedOutEvent } from '../../audit/audit-events.js';
import { OIDC_ATTEMPT_MINUTES } from '../auth/oidc-attempts.js';
import { personFromClaims } from '../auth/person-from-claims.js';
import { requireCsrf } from '../auth/require-csrf.js';
import { safeNext } from '../auth/safe-next.js';
import { readCookie } from '../auth/session-cookie.js';
import type { SignedInPerson } from '../auth/ui-sessions.js';
import { html, type Html } from '../render/html.js';
import { renderPage } from '../render/page.js';
import type { UiDeps } from '../ui-deps.js';

const ATTEMPT_COOKIE = 'donegate_oidc';

const sendPage = (res: Response, status: number, title: string, body: Html): void => {
  res.status(status).type('html').send(renderPage({ title, body }));
};

/** One answer for a link that is used, expired or unknown, so the page tells a guesser nothing. */
const linkGone = (res: Response): void =>
  sendPage(res, 410, 'This sign-in link cannot be used', html`<p>Sign-in links work once and for a limited time. Ask whoever sent it for a new one.</p><p><a href="/ui/login">Other ways to sign in</a></p>`);

/**
 * A form posted from another site (a login CSRF: signing a victim in as someone else) is refused. Browsers
 * send `Sec-Fetch-Site` on posts; older ones only `Origin`, which must then be this host.
 */
const postedFromHere = (req: Request): boolean => {
  const site = req.get('sec-fetch-site');
  if (site !== undefined) return site === 'same-origin' || site === 'none';
  const origin = req.get('origin');
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.get('host');
  } catch {
    return false;
  }
};

/**
 * The pages before and after a session: `GET /ui/login`, single sign-on (`/ui/auth/start`,
 * `/ui/auth/callback`), sign-in links (`GET` and `POST /ui/link/<secret>`) and `POST /ui/logout`.
 * None needs a principal; each sign-in makes a new session and is audited.
 */
export function signInPages(deps: UiDeps): Router {
  const router = Router();
  const signIn = deps.signIn;
  if (!signIn) return router;
  const { sessions, links, oidc } = signIn;

  const begin = async (req: Request, res: Response, person: SignedInPerson, actor: string, next: string) => {
    const { principal } = await sessions.start(req, res, person);
    await deps.audit.append(uiSignedInEvent(principal, person.method.kind, actor));
    deps.log.info({ session: principal.tokenId, method: person.method.kind, role: principal.role }, 'signed in to the web app');
    res.redirect(303, next);
  };

  router.get('/login', (req, res) => {
    const next = safeNext(req.query.next);
    const sso = oidc
      ? html`<p><a class="button" href="/ui/auth/start?next=${encodeURIComponent(next)}">Sign in with ${oidc.signIn.displayName}</a></p>`
      : html`<p class="muted">Single sign-on is not set up on this donegate.</p>`;
    sendPage(
      res,
      200,
      'Sign in',
      html`${sso}
<h2>Sign-in links</h2>
<p>No account with your company's identity provider? A donegate admin can send you a sign-in link. It works once, for a limited time: open it and choose Continue.</p>`,
    );
  });

  if (oidc) {
    router.get('/auth/start', async (req, res) => {
      let started;
      try {
        started = await oidc.signIn.begin();
      } catch (error) {
        deps.log.warn({ err: error }, 'cannot reach the identity provider');
        sendPage(res, 502, 'Cannot reach the identity provider', html`<p>donegate could not reach ${oidc.signIn.displayName}. Try again in a minute; if it persists, tell a donegate admin.</p>`);
        return;
      }
      const value = await oidc.attempts.save(started.attempt, safeNext(req.query.next));
      // Lax, so the browser sends it back on the IdP's top-level redirect to the callback.
      res.cookie(ATTEMPT_COOKIE, value, { httpOnly: true, sameSite: 'lax', path: '/ui/auth', secure: signIn.secure, maxAge: OIDC_ATTEMPT_MINUTES * 60_000 });
      res.redirect(303, started.url);
    });

    router.get('/auth/callback', async (req, res) => {
      res.clearCookie(ATTEMPT_COOKIE, { httpOnly: true, sameSite: 'lax', path: '/ui/auth', secure: signIn.secure });
      const again = html`<p><a href="/ui/login">Sign in again</a></p>`;
      if (typeof req.query.error === 'string') {
        const description = typeof req.query.error_description === 'string' ? req.query.error_description.slice(0, 500) : '';
        sendPage(res, 400, 'Sign-in did not complete', html`<p>${oidc.signIn.displayName} answered: <code>${req.query.error.slice(0, 100)}</code> ${description}</p>${again}`);
        return;
      }
      const cookie = readCookie(req, ATTEMPT_COOKIE);
      const taken = cookie === undefined ? undefined : await oidc.attempts.take(cookie);
      if (!taken) {
        sendPage(res, 400, 'Sign-in expired', html`<p>This sign-in took longer than ${OIDC_ATTEMPT_MINUTES} minutes or was started in another browser.</p>${again}`);
        return;
      }
      let person;
      try {
        const identity = await oidc.signIn.finish(new URL(req.originalUrl, oidc.publicUrl), taken.attempt);
        person = personFromClaims(identity, oidc);
      } catch (error) {
        deps.log.warn({ err: error }, 'single sign-on refused');
        sendPage(res, 400, 'Sign-in did not complete', html`<p>donegate could not verify the answer from ${oidc.signIn.displayName}: ${(error as Error).message.slice(0, 300)}</p>${again}`);
        return;
      }
      if ('refused' in person) {
        sendPage(res, 403, 'Not allowed in', html`<p>${person.refused}</p>`);
        return;
      }
      const method = person.method.kind === 'oidc' ? person.method : undefined;
      await begin(req, res, person, `oidc:${method?.subject ?? ''}`, taken.next);
    });
  }

  router.get('/link/:secret', async (req, res) => {
    // Mail scanners open links; a GET only shows the button, so they cannot use up the link.
    if (!(await links.usable(req.params.secret))) return linkGone(res);
    sendPage(
      res,
      200,
      'Sign in to donegate',
      html`<p>This link signs you in to donegate once. It cannot be used again after you continue.</p>
<form method="post" action="/ui/link/${req.params.secret}"><button type="submit">Continue</button></form>`,
    );
  });

  router.post('/link/:secret', async (req, res) => {
    if (!postedFromHere(req)) {
      sendPage(res, 403, 'Sign-in refused', html`<p>This form was sent from another site. Open your sign-in link again.</p>`);
      return;
    }
    const link = await links.redeem(req.params.secret);
    if (!link) return linkGone(res);
    await begin(req, res, { name: link.name, role: link.role, projects: link.projects, method: { kind: 'link', linkId: link.id } }, `link:${link.id}`, '/ui/board');
  });

  router.post(
    '/logout',
    async (req, res, next) => {
      const session = await sessions.current(req, res);
      if (!session) {
        res.redirect(303, '/ui/login');
        return;
      }
      res.locals.csrfToken = session.csrfToken;
      next();
    },
    ...requireCsrf(),
    async (req, res) => {
      const principal = await sessions.end(req, res);
      if (principal) {
        await deps.audit.append(uiSignedOutEvent(principal));
        deps.log.info({ session: principal.tokenId }, 'signed out of the web app');
      }
      res.redirect(303, '/ui/login');
    },
  );
  return router;
}
