#!/bin/sh
# Submit a CI run's report (or artifact) to donegate for the ticket ci/ticket-key.sh finds. Shared by the
# GitHub Action (action.yml) and the GitLab CI template (ci/gitlab/donegate.gitlab-ci.yml), so both read
# the same variables:
#   DONEGATE_URL, DONEGATE_TOKEN       read by `donegate evidence submit` itself; never printed here
#   DONEGATE_TRACKER                   jira (default), linear or github
#   DONEGATE_TICKET, DONEGATE_PROJECTS, DONEGATE_GITHUB_REPOSITORY, DONEGATE_ON_MISSING_TICKET
#                                      how the ticket is found (see ci/ticket-key.sh)
#   DONEGATE_CRITERION                 the criterion the evidence is for, e.g. dependency-audit
#   DONEGATE_REPORT                    the report file, or
#   DONEGATE_ARTIFACT, DONEGATE_SHA256 an s3:// or gs:// artifact and its sha256 (encrypted-artifact)
#   DONEGATE_FORMAT                    the report format, when detection should not guess
#   DONEGATE_WAIT, DONEGATE_TIMEOUT    true: wait for the ticket's verdict, at most the timeout
# The outcome is skipped, accepted, rejected or error; with DONEGATE_WAIT=true, skipped, pass, fail or
# error. It is written with the ticket to $GITHUB_OUTPUT under GitHub Actions and to $DONEGATE_DOTENV (a
# GitLab dotenv report) when set. The exit code is donegate's (0, 1 or 2), or ci/ticket-key.sh's when no
# ticket is found.
set -euf

here=$(dirname "$0")
criterion=${DONEGATE_CRITERION:-}
report=${DONEGATE_REPORT:-}
artifact=${DONEGATE_ARTIFACT:-}
sha256=${DONEGATE_SHA256:-}
wait=${DONEGATE_WAIT:-false}

usage() {
  echo "donegate: $1" >&2
  exit 2
}

[ -n "$criterion" ] || usage "set the criterion (DONEGATE_CRITERION), e.g. dependency-audit"
case $wait in
  true | false) ;;
  *) usage "wait (DONEGATE_WAIT) must be true or false" ;;
esac
if [ -n "$report" ] && [ -n "$artifact" ]; then usage "set either a report file (DONEGATE_REPORT) or an artifact (DONEGATE_ARTIFACT), not both"; fi
if [ -z "$report" ] && [ -z "$artifact" ]; then usage "set a report file (DONEGATE_REPORT) or an artifact (DONEGATE_ARTIFACT)"; fi

# Both are plain words (a key checked against its pattern, a fixed outcome), so neither can start a new line.
record() { # record TICKET OUTCOME
  if [ -n "${GITHUB_OUTPUT:-}" ]; then printf 'ticket=%s\noutcome=%s\n' "$1" "$2" >>"$GITHUB_OUTPUT"; fi
  if [ -n "${DONEGATE_DOTENV:-}" ]; then printf 'DONEGATE_TICKET=%s\nDONEGATE_OUTCOME=%s\n' "$1" "$2" >>"$DONEGATE_DOTENV"; fi
}

if ticket=$(sh "$here/ticket-key.sh"); then found=0; else found=$?; fi
if [ "$found" -ne 0 ]; then
  record '' error
  exit "$found"
fi
if [ -z "$ticket" ]; then
  record '' skipped
  if [ -n "${GITHUB_ACTIONS:-}" ]; then echo "::notice title=donegate::evidence not submitted: no ticket key (on-missing-ticket: skip)"; else echo "donegate: evidence not submitted: no ticket key (on-missing-ticket: skip)"; fi
  exit 0
fi

set -- evidence submit --tracker "${DONEGATE_TRACKER:-jira}" --ticket "$ticket" --criterion "$criterion"
if [ -n "${DONEGATE_FORMAT:-}" ]; then set -- "$@" --format "$DONEGATE_FORMAT"; fi
if [ "$wait" = true ]; then
  set -- "$@" --wait
  if [ -n "${DONEGATE_TIMEOUT:-}" ]; then set -- "$@" --timeout "$DONEGATE_TIMEOUT"; fi
fi
if [ -n "$artifact" ]; then
  set -- "$@" --artifact "$artifact"
  if [ -n "$sha256" ]; then set -- "$@" --sha256 "$sha256"; fi
else
  # `--` ends the options, so a report named `-x.json` is still a file.
  set -- "$@" -- "$report"
fi

echo "donegate: submitting $criterion evidence for $ticket"
if donegate "$@"; then code=0; else code=$?; fi
case $code:$wait in
  0:false) outcome=accepted ;;
  1:false) outcome=rejected ;;
  0:true) outcome=pass ;;
  1:true) outcome=fail ;;
  *) outcome=error ;;
esac
record "$ticket" "$outcome"
exit "$code"
