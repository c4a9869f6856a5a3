import type { Detector } from './detector.js';
import { verdict } from './detector.js';
import { maskToken } from './mask.js';

/**
 * GitLab tokens of every kind that grants access: personal/project/group (`glpat-`), deploy (`gldt-`), runner
 * authentication (`glrt-`), CI job (`glcbt-`), feed (`glft-`), incoming mail (`glimt-`), agent (`glagent-`), OAuth
 * secrets (`gloas-`), SCIM (`glsoat-`), pipeline trigger (`glptt-` + 40 hex) and runner registration tokens
 * (`GR1348941`). Kept beside secretlint's preset, whose gitlab rule knows only `glpat-` (12 of 36 in bench:secrets).
 * A run of one character or an upper-case word (`glpat-REPLACE_WITH_YOUR_TOKEN`) is a placeholder.
 * Prefixes: https://docs.gitlab.com/security/tokens/#token-prefixes
 */
const GITLAB_MARKERS = ['glpat-', 'gldt-', 'glrt-', 'glcbt-', 'glft-', 'glimt-', 'glagent-', 'gloas-', 'glsoat-', 'glptt-', 'GR1348941'];

export const gitlabToken: Detector = {
  id: 'gitlab-token',
  kind: 'secret',
  version: 2,
  pattern: /(?<![\w-])(?:gl(?:pat|dt|rt|cbt|ft|imt|agent|oas|soat)-[\w-]{20,64}|glptt-[0-9a-f]{40}|GR1348941[\w-]{20,64})(?![\w-])/g,
  markers: GITLAB_MARKERS,
  prefilter: (text) => GITLAB_MARKERS.some((marker) => text.includes(marker)),
  validate(candidate) {
    const secret = candidate.slice(candidate.search(/[-1]/) + 1);
    if (/(.)\1{7}/.test(secret) || /^[A-Z_]+$/.test(secret)) return undefined;
    return verdict('high');
  },
  mask: (candidate) => maskToken(candidate),
};
