import type { LinearSimulator, NewState } from '../linear-simulator.js';
import { findTeam, newId, now, requireTeam, statesOfTeam, type LinearStore, type SimTeam, type SimWorkflowState } from '../linear-store.js';

/** Linear's default workflow for a new team. */
const DEFAULT_STATES: NewState[] = [
  { name: 'Backlog', type: 'backlog', color: '#bec2c8' },
  { name: 'Todo', type: 'unstarted', color: '#e2e2e2' },
  { name: 'In Progress', type: 'started', color: '#f2c94c' },
  { name: 'In Review', type: 'started', color: '#0f783c' },
  { name: 'Done', type: 'completed', color: '#5e6ad2' },
  { name: 'Canceled', type: 'canceled', color: '#95a2b3' },
  { name: 'Duplicate', type: 'duplicate', color: '#95a2b3' },
];

/** Teams and their workflow states. */
export function createTeamSetup(store: LinearStore): Pick<LinearSimulator, 'addTeam' | 'addState' | 'stateNamed'> {
  const part: Pick<LinearSimulator, 'addTeam' | 'addState' | 'stateNamed'> = {
    addTeam({ key, name, id, states }) {
      if (findTeam(store, key)) throw new Error(`Linear simulator: team ${key} exists`);
      const team: SimTeam = { id: id ?? newId(), key: key.toUpperCase(), name: name ?? key, nextNumber: 1, createdAt: now() };
      store.teams.set(team.id, team);
      const created = (states ?? DEFAULT_STATES).map((state) => part.addState(team.id, state));
      return { ...team, states: created };
    },
    addState(teamIdOrKey, { name, type, color, id }) {
      const team = requireTeam(store, teamIdOrKey);
      const state: SimWorkflowState = {
        id: id ?? newId(),
        teamId: team.id,
        name,
        type,
        color: color ?? '#bec2c8',
        position: statesOfTeam(store, team.id).length,
        createdAt: now(),
      };
      store.states.set(state.id, state);
      return state;
    },
    stateNamed: (teamIdOrKey, name) => statesOfTeam(store, requireTeam(store, teamIdOrKey).id).find((state) => state.name === name),
  };
  return part;
}
