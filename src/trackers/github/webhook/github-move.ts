import type { NormalisedDelivery } from '../../../domain/index.js';

export interface GithubMove {
  deliveryId: string;
  /** The key, or the project item's id for a board move. */
  ticketKey: string;
  from: { id: string; name: string };
  to: { id: string; name: string };
  /** `sender.id`: who made the move. */
  actorId: string | undefined;
  occurredAt: string;
}

/** A gated GitHub move (an issue closed, a board item set to done) as the transition the worker decides. */
export function githubMove(move: GithubMove): NormalisedDelivery {
  return {
    kind: 'transition',
    transition: {
      tracker: 'github',
      deliveryId: move.deliveryId,
      ticketId: move.ticketKey,
      ticketKey: move.ticketKey,
      fromStatusId: move.from.id,
      fromStatusName: move.from.name,
      toStatusId: move.to.id,
      toStatusName: move.to.name,
      ...(move.actorId === undefined ? {} : { actorId: move.actorId }),
      occurredAt: move.occurredAt,
    },
  };
}
