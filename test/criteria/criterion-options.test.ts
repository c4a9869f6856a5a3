import { CRITERION_OPTIONS } from '../../src/criteria/criterion-options.js';
import { createCriterionRegistry } from '../../src/criteria/registry.js';

describe('the criteria option list policy check validates against', () => {
  it('names every criterion of the registry, in its order, with the schema the criterion itself parses its options with', () => {
    const registry = createCriterionRegistry();
    expect([...CRITERION_OPTIONS.keys()]).toEqual([...registry.keys()]);
    for (const [id, criterion] of registry) expect(CRITERION_OPTIONS.get(id)?.optionsSchema).toBe(criterion.optionsSchema);
  });
});
