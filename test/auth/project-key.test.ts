import { projectInScope, projectKeyOf } from '../../src/auth/project-key.js';

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
