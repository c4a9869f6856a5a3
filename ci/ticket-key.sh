#!/bin/sh
# Print the ticket key a CI run's evidence belongs to, found in this order:
#   1. DONEGATE_TICKET (the action's `ticket` input), checked against the tracker's key format;
#   2. the pull or merge request title (GitHub: pull_request.title in $GITHUB_EVENT_PATH; GitLab:
#      $CI_MERGE_REQUEST_TITLE);
#   3. the branch name anywhere in it ($GITHUB_HEAD_REF, else $GITHUB_REF_NAME on a branch; GitLab:
#      $CI_MERGE_REQUEST_SOURCE_BRANCH_NAME, else $CI_COMMIT_REF_NAME on a branch).
# Jira and Linear keys (ML-142) are taken only as written in upper case, as both trackers show them, so
# that words like `release-2024` or `node-20` in a branch name are not read as tickets. With
# DONEGATE_PROJECTS (ML,AI), only keys of those projects are taken, in either case: Linear names branches
# `jdoe/ml-142-fix`. GitHub keys are `owner/repo#123`; a bare `#123` in the title, or a branch that starts
# with `123-` (GitHub's "Create a branch" for an issue), is taken as an issue of DONEGATE_GITHUB_REPOSITORY
# (default $GITHUB_REPOSITORY).
#
# Exit 0 with the key on stdout; 0 with nothing on stdout when no key is found and
# DONEGATE_ON_MISSING_TICKET is `skip`; 1 when none is found and it is `fail` (the default); 2 on a bad
# setting. Titles and branch names are never printed: anyone who opens a pull request chooses them, and a
# line starting with `::` in a GitHub Actions log is a workflow command.
#
# POSIX sh: it runs under GitLab's `sh` (busybox, dash) and under `bash -eo pipefail`. Every pattern is
# bounded and goes to grep -E, whose matching is linear in the text.
set -euf
LC_ALL=C
export LC_ALL

tracker=${DONEGATE_TRACKER:-jira}
on_missing=${DONEGATE_ON_MISSING_TICKET:-fail}
projects=${DONEGATE_PROJECTS:-}
github_repository=${DONEGATE_GITHUB_REPOSITORY:-${GITHUB_REPOSITORY:-}}

# Used only on text that cannot hold a newline or `::` run on: a setting's name and fixed words.
fail_usage() {
  echo "donegate: $1" >&2
  exit 2
}

case $on_missing in
  skip | fail) ;;
  *) fail_usage "on-missing-ticket (DONEGATE_ON_MISSING_TICKET) must be skip or fail" ;;
esac

# The first match of an extended regular expression in the text that stands as a word: grep -E has no
# portable \b, so the match takes one character of context on either side, and a second grep keeps only
# the key. grep exits 1 on no match; `|| true` keeps that from ending the script under `set -e` and
# `pipefail`, and sed (not head) takes the first line so grep never writes into a closed pipe.
first_match() { # first_match GREP-FLAGS PATTERN TEXT
  printf '%s\n' "$3" | { grep $1 -oE "(^|[^A-Za-z0-9_])($2)([^0-9]|$)" || true; } | sed -n 1p | { grep $1 -oE "$2" || true; } | sed -n 1p
}

upper() {
  printf '%s' "$1" | tr 'a-z' 'A-Z'
}

github_full='[A-Za-z0-9][A-Za-z0-9-]{0,38}/[A-Za-z0-9._-]{1,100}#[1-9][0-9]{0,9}'
if [ "$tracker" = github ]; then
  if [ -n "$github_repository" ] && ! printf '%s\n' "$github_repository" | grep -qxE '[A-Za-z0-9][A-Za-z0-9-]{0,38}/[A-Za-z0-9._-]{1,100}'; then
    fail_usage "DONEGATE_GITHUB_REPOSITORY must be owner/repo"
  fi
  key_example='owner/repo#123'
else
  key_example='ML-142'
  dashed_flags=''
  dashed='[A-Z][A-Z0-9_]{0,19}-[0-9]{1,9}'
  if [ -n "$projects" ]; then
    alternatives=''
    for project in $(printf '%s' "$projects" | tr ',' ' '); do
      printf '%s\n' "$project" | grep -qxE '[A-Za-z][A-Za-z0-9_]{0,19}' || fail_usage "projects (DONEGATE_PROJECTS) must be project keys separated by commas, like ML,AI"
      alternatives="${alternatives:+$alternatives|}$project"
    done
    dashed="($alternatives)-[0-9]{1,9}"
    dashed_flags='-i'
  fi
fi

# The key in a title or branch name, or nothing.
key_in() { # key_in TEXT KIND(title|branch)
  if [ "$tracker" = github ]; then
    found=$(first_match '' "$github_full" "$1")
    if [ -z "$found" ] && [ -n "$github_repository" ]; then
      if [ "$2" = title ]; then
        number=$(first_match '' '#[1-9][0-9]{0,9}' "$1")
        number=${number#\#}
      else
        number=$(printf '%s\n' "$1" | { grep -oE '^[1-9][0-9]{0,9}-' || true; } | sed -n '1s/-$//p')
      fi
      [ -z "$number" ] || found="$github_repository#$number"
    fi
  else
    found=$(first_match "$dashed_flags" "$dashed" "$1")
  fi
  upper "$found"
}

if [ -n "${DONEGATE_TICKET:-}" ]; then
  if [ "$tracker" = github ]; then pattern=$github_full; else pattern='[A-Za-z][A-Za-z0-9_]{0,19}-[0-9]{1,9}'; fi
  printf '%s\n' "$DONEGATE_TICKET" | grep -qxE "$pattern" || fail_usage "the ticket input (DONEGATE_TICKET) is not a $tracker key like $key_example"
  upper "$DONEGATE_TICKET"
  echo
  exit 0
fi

title=''
if [ -n "${GITHUB_EVENT_PATH:-}" ] && [ -f "$GITHUB_EVENT_PATH" ] && command -v node >/dev/null 2>&1; then
  # The title as one line of at most 1000 characters; nothing when the event is not a pull request.
  title=$(node -e '
    try {
      const event = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
      const title = event && event.pull_request && event.pull_request.title;
      if (typeof title === "string") process.stdout.write(title.slice(0, 1000).replace(/[\r\n]+/g, " "));
    } catch {}' "$GITHUB_EVENT_PATH" || true)
fi
[ -n "$title" ] || title=${CI_MERGE_REQUEST_TITLE:-}

branch=${GITHUB_HEAD_REF:-}
[ -n "$branch" ] || [ "${GITHUB_REF_TYPE:-branch}" != branch ] || branch=${GITHUB_REF_NAME:-}
[ -n "$branch" ] || branch=${CI_MERGE_REQUEST_SOURCE_BRANCH_NAME:-}
[ -n "$branch" ] || [ -n "${CI_COMMIT_TAG:-}" ] || branch=${CI_COMMIT_REF_NAME:-}

key=''
[ -z "$title" ] || key=$(key_in "$title" title)
[ -n "$key" ] || [ -z "$branch" ] || key=$(key_in "$branch" branch)
if [ -n "$key" ]; then
  printf '%s\n' "$key"
  exit 0
fi

if [ "$tracker" = github ]; then
  wanted="a github key like owner/repo#123${github_repository:+ (or #123 of $github_repository)}"
elif [ -n "$projects" ]; then
  wanted="a key of project(s) $(upper "$projects" | tr -d ' ')"
else
  wanted="a $tracker key like ML-142 (in upper case)"
fi
echo "donegate: no ticket key found: looked for $wanted in the ticket input (DONEGATE_TICKET), the pull or merge request title and the branch name; set the action's ticket input (GitLab: DONEGATE_TICKET) or name the ticket in the branch or title (on-missing-ticket: $on_missing)" >&2
if [ "$on_missing" = fail ]; then exit 1; fi
exit 0
