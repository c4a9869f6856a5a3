/** The one command donegate reads in tracker comments, as replies quote it. */
export const WAIVE_COMMAND_SYNTAX = '/donegate waive <criterion> [advisory ids…] until YYYY-MM-DD: <reason>';
