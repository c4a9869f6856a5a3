import type { VerdictComment } from '../../domain/index.js';

/**
 * GitHub turns `@name` in a comment into a mention that notifies the account (or a whole team), and text
 * in donegate's comment comes from tickets and reports anyone can write. A word joiner (U+2060) after the
 * `@` looks the same but is no mention. Code spans are untouched by GitHub anyway, so they may keep it too.
 */
export function breakMentions(text: string): string {
  return text.replace(/@(?=[A-Za-z0-9_-])/g, '@\u2060');
}

/** The comment with every free-text field mention-free; criterion ids are donegate's own and stay as they are. */
export function breakCommentMentions(comment: VerdictComment): VerdictComment {
  return {
    ...comment,
    headline: breakMentions(comment.headline),
    notes: comment.notes.map(breakMentions),
    footer: breakMentions(comment.footer),
    criteria: comment.criteria.map((result) => ({
      ...result,
      reason: breakMentions(result.reason),
      ...(result.fix === undefined ? {} : { fix: breakMentions(result.fix) }),
      ...(result.details === undefined ? {} : { details: result.details.map(breakMentions) }),
    })),
  };
}
