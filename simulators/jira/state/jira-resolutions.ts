import type { SimResolution } from '../types.js';

/** A new site's resolutions, fixed. */
export function createJiraResolutions() {
  const resolutions: SimResolution[] = [
    { id: '10000', name: 'Done', description: 'Work has been completed on this issue.' },
    { id: '10001', name: "Won't Do", description: 'This issue won\'t be actioned.' },
    { id: '10002', name: 'Duplicate', description: 'The problem is a duplicate of an existing issue.' },
    { id: '10003', name: 'Cannot Reproduce', description: 'This issue could not be reproduced.' },
  ];
  return {
    resolution(idOrName: string): SimResolution | undefined {
      return resolutions.find((r) => r.id === idOrName) ?? resolutions.find((r) => r.name === idOrName);
    },

    resolutions(): readonly SimResolution[] {
      return resolutions;
    },
  };
}
