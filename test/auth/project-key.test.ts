import { projectInScope, projectKeyOf, scopesForProject } from '../../src/auth/project-key.js';
import { parseProjectKeys, parseProjects } from '../../src/auth/token-input.js';

describe('projectKeyOf', () => {
  it.each([
    ['ML-142', 'ML'],
    ['AI-7', 'AI'],
    ['ml-142', 'ML'],
    ['DATA-LAKE-12', 'DATA-LAKE'],
  ])('reads the project of %s as %s', (key, project) => {
    expect(projectKeyOf(key)).toBe(project);
  });

  it.each(['ML', '-142', ''])('finds no project in %p', (key) => {
    expect(projectKeyOf(key)).toBeUndefined();
  });
});

describe('projectInScope', () => {
  it('lets a token without projects act on every project', () => {
    expect(projectInScope([], 'PLAT')).toBe(true);
  });

  it('compares project keys case-insensitively', () => {
    expect(projectInScope(['ML', 'AI'], 'ml')).toBe(true);
  });

  it('refuses a project the token is not scoped to', () => {
    expect(projectInScope(['ML'], 'PLAT')).toBe(false);
  });
});

describe('projectInScope with a tracker', () => {
  it('limits a tracker-qualified scope to that tracker', () => {
    expect(projectInScope(['jira:ML'], 'ML', 'jira')).toBe(true);
    expect(projectInScope(['jira:ML'], 'ml', 'linear')).toBe(false);
  });

  it('lets a bare scope cover the project in every tracker', () => {
    expect(projectInScope(['ML'], 'ML', 'jira')).toBe(true);
    expect(projectInScope(['ML'], 'ML', 'linear')).toBe(true);
  });

  it('counts any tracker when the request names none, so the route narrows what it returns', () => {
    expect(projectInScope(['linear:ML'], 'ML')).toBe(true);
    expect(scopesForProject(['linear:ML', 'AI', 'jira:PLAT'], 'ml')).toEqual(['linear:ML']);
    expect(scopesForProject(['linear:ML', 'ML'], 'ML', 'jira')).toEqual(['ML']);
  });
});

describe('parseProjects', () => {
  it('keeps bare keys and tracker-qualified scopes, normalised and de-duplicated', () => {
    expect(parseProjects('ml, Jira:ml ,LINEAR:ai,ML')).toEqual(['ML', 'jira:ML', 'linear:AI']);
  });

  it.each([
    ['nosuchtracker:ML', /names no tracker donegate knows/],
    ['jira:', /is not a project key/],
    ['jira:ML-1', /is not a project key/],
  ])('refuses %s', (scope, message) => {
    expect(() => parseProjects(scope)).toThrow(message);
  });

  it('keeps ?project= filters to bare keys', () => {
    expect(() => parseProjectKeys('jira:ML')).toThrow(/is not a project key/);
    expect(parseProjectKeys('ml,AI')).toEqual(['ML', 'AI']);
  });
});
