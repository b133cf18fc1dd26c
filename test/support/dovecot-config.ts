// dovecot.conf for a throw-away test server: one passwd-file user with a plain password, maildir
// under the temporary directory, IMAP on one loopback port, no TLS. Dovecot 2.4 renamed most of
// these settings, so the text depends on the installed version (`dovecot --version`).

export interface DovecotLayout {
  dir: string;
  port: number;
  passwdFile: string;
  /** System users: mail processes, internal processes, login processes. */
  mailUser: string;
  internalUser: string;
  loginUser: string;
}

export function dovecotConfig(version: [number, number], l: DovecotLayout): string {
  const common = [
    'protocols = imap',
    'listen = 127.0.0.1',
    `base_dir = ${l.dir}/run`,
    `state_dir = ${l.dir}/state`,
    `log_path = ${l.dir}/dovecot.log`,
    'ssl = no',
    'auth_mechanisms = plain login',
    `default_internal_user = ${l.internalUser}`,
    `default_login_user = ${l.loginUser}`,
    'first_valid_uid = 1',
    `mail_uid = ${l.mailUser}`,
    `mail_gid = ${l.mailUser}`,
    // A fresh mailbox per test is created by the tests; autoexpunge and friends stay off.
  ];
  // IMAP on the one loopback port, IMAPS off; 2.4 names the listener's address setting `listen`.
  const imapLogin = (addressSetting: 'listen' | 'address'): string[] => [
    'service imap-login {',
    '  inet_listener imap {',
    `    ${addressSetting} = 127.0.0.1`,
    `    port = ${l.port}`,
    '  }',
    '  inet_listener imaps {',
    '    port = 0',
    '  }',
    '}',
    '',
  ];
  if (version[0] > 2 || (version[0] === 2 && version[1] >= 4)) {
    return [
      'dovecot_config_version = 2.4.0',
      'dovecot_storage_version = 2.4.0',
      ...common,
      'auth_allow_cleartext = yes',
      'mail_driver = maildir',
      `mail_path = ${l.dir}/mail/%{user}`,
      'passdb passwd-file {',
      `  passwd_file_path = ${l.passwdFile}`,
      '  default_password_scheme = PLAIN',
      '}',
      'userdb static {',
      '  fields {',
      `    home = ${l.dir}/mail/%{user}`,
      '  }',
      '}',
      ...imapLogin('listen'),
    ].join('\n');
  }
  return [
    ...common,
    'disable_plaintext_auth = no',
    `mail_location = maildir:${l.dir}/mail/%u`,
    'passdb {',
    '  driver = passwd-file',
    `  args = scheme=PLAIN username_format=%u ${l.passwdFile}`,
    '}',
    'userdb {',
    '  driver = static',
    `  args = uid=${l.mailUser} gid=${l.mailUser} home=${l.dir}/mail/%u`,
    '}',
    ...imapLogin('address'),
  ].join('\n');
}
