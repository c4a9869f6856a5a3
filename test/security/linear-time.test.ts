import { HOSTILE_TARGETS } from '../support/hostile-text.js';
import { describeLinearTime } from '../support/linear-time-suite.js';

// The attack: ticket descriptions, comments and evidence reports written to make a parser backtrack, so one
// ticket stalls the worker (`Artifacts` and 1,000 spaces did not finish in 60 s). Detectors: linear-time-detectors.
describeLinearTime(HOSTILE_TARGETS.filter((target) => !target.name.startsWith('detector') && !target.name.startsWith('all detectors')));
