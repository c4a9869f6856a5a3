import type { LinearClient } from '@linear/sdk';
import { z } from 'zod';
import { TrackerUnavailableError } from '../errors.js';
import { mapLinearError } from './map-linear-error.js';

export type LinearRequest = <T>(
  document: string,
  variables: Record<string, unknown>,
  shape: z.ZodType<T>,
  action: string,
) => Promise<T>;

/**
 * One GraphQL round trip through the SDK's own client (`rawRequest` already turns error responses into
 * the SDK's LinearError classes with parseLinearError), its errors mapped to tracker errors and its
 * data parsed with zod.
 */
export function createLinearRequest(client: LinearClient): LinearRequest {
  return async (document, variables, shape, action) => {
    let data: unknown;
    try {
      data = (await client.client.rawRequest<unknown, Record<string, unknown>>(document, variables)).data;
    } catch (error) {
      throw mapLinearError(error, action);
    }
    const parsed = shape.safeParse(data);
    if (!parsed.success) {
      throw new TrackerUnavailableError('linear', `Linear answered ${action} in an unexpected shape: ${z.prettifyError(parsed.error)}`);
    }
    return parsed.data;
  };
}
