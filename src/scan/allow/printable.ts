/** Text a person wrote (a reason, a name) as a report may print it: control characters become spaces, so none reach a terminal. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const printable = (text: string): string => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
