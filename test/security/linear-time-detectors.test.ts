import { HOSTILE_TARGETS } from '../support/hostile-text.js';
import { describeLinearTime } from '../support/linear-time-suite.js';

// The attack: a scanned file or attachment with lines built to make a detector backtrack, so one scan never
// ends (a 200 kB `x=<24 chars>passpass…` line took 11 s in generic-secret; lines up to 1 MiB are read whole).
describeLinearTime(HOSTILE_TARGETS.filter((target) => target.name.startsWith('detector') || target.name.startsWith('all detectors')));
