#!/bin/sh
# Writes the one mailbox user from IMAP_USER / IMAP_PASSWORD (or IMAP_PASSWORD_FILE), then runs
# Dovecot in the foreground so that the container stops when it does.
set -eu
user="${IMAP_USER:-intake}"
if [ -n "${IMAP_PASSWORD_FILE:-}" ]; then password="$(cat "$IMAP_PASSWORD_FILE")"; else password="${IMAP_PASSWORD:?IMAP_PASSWORD or IMAP_PASSWORD_FILE is required}"; fi
umask 077
printf '%s:{PLAIN}%s\n' "$user" "$password" > /etc/dovecot/users
chown dovecot:dovecot /etc/dovecot/users
mkdir -p /srv/mail
chown dovecot:dovecot /srv/mail
exec dovecot -F -c /etc/dovecot/dovecot.conf
