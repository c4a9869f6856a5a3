/**
 * The delivery id of a `/donegate` comment command: the comment's own id, taken from the signed body.
 * A comment is created once, so every delivery of it (a tracker retry, or a captured body replayed under a
 * fresh delivery-id header) maps to one job and one recorded decision, and so to at most one reply.
 */
export function commandDeliveryId(commentId: string): string {
  return `comment-${commentId}`;
}
