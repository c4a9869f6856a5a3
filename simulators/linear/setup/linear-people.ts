import type { LinearSimulator } from '../linear-simulator.js';
import { newId, type LinearStore, type SimUser } from '../linear-store.js';

/** The workspace's members besides the viewer. */
export function createPeopleSetup(store: LinearStore): Pick<LinearSimulator, 'addUser'> {
  return {
    addUser({ name, email, id }) {
      const user: SimUser = { id: id ?? newId(), name, email: email ?? `${name.toLowerCase().replace(/\W+/g, '.')}@simulated.example` };
      store.users.set(user.id, user);
      return user;
    },
  };
}
