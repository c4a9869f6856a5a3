import type { SimProject } from '../types.js';

export function createJiraProjects(newId: () => string) {
  const projects = new Map<string, SimProject>();
  return {
    addProject(project: { key: string; name?: string; id?: string }): SimProject {
      const added: SimProject = { id: project.id ?? newId(), key: project.key, name: project.name ?? project.key };
      projects.set(added.key, added);
      return added;
    },

    project(key: string): SimProject {
      const found = projects.get(key);
      if (!found) throw new Error(`Jira simulator: no project '${key}'; add it with state.addProject()`);
      return found;
    },
  };
}
