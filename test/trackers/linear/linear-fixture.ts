import { LinearClient } from '@linear/sdk';
import { createLinearSimulator, type LinearSimulator, type SimIssue, type SimWorkflowState } from '../../../simulators/linear/index.js';
import { createLinearTracker } from '../../../src/trackers/linear/index.js';
import type { Tracker } from '../../../src/trackers/tracker.js';

export interface LinearFixture {
  linear: LinearSimulator;
  tracker: Tracker;
  issue: SimIssue;
  states: { todo: SimWorkflowState; inProgress: SimWorkflowState; done: SimWorkflowState };
}

/** A simulated workspace with team AI (Todo, In Progress, Done), issue AI-1 in Todo, and a tracker on it. */
export async function createLinearFixture(apiKey?: string): Promise<LinearFixture> {
  const linear = await createLinearSimulator();
  const team = linear.addTeam({
    key: 'AI',
    name: 'Applied AI',
    states: [
      { name: 'Todo', type: 'unstarted' },
      { name: 'In Progress', type: 'started' },
      { name: 'Done', type: 'completed' },
    ],
  });
  const [todo, inProgress, done] = team.states as [SimWorkflowState, SimWorkflowState, SimWorkflowState];
  const issue = linear.addIssue({ team: 'AI', title: 'Train the churn model', description: 'uses customer emails' });
  const client = new LinearClient({ apiKey: apiKey ?? linear.apiKey, apiUrl: linear.url });
  return { linear, tracker: createLinearTracker({ client }), issue, states: { todo, inProgress, done } };
}
