-- Staff single sign-on: a member who signs in through the hospital's OpenID Connect provider
-- gets a local account linked to their identity there (the provider's issuer and the member's
-- subject, which never change, unlike a name or e-mail address), so that hand-overs, names and
-- the audit trail know them like any other member, and an administrator can disable them here.
-- Such an account has no password: it signs in only through the provider.
ALTER TABLE staff_account
  ADD COLUMN sso_issuer  TEXT,
  ADD COLUMN sso_subject TEXT,
  ALTER COLUMN password_hash DROP NOT NULL,
  ADD CONSTRAINT staff_account_sso_check CHECK ((sso_issuer IS NULL) = (sso_subject IS NULL)),
  ADD CONSTRAINT staff_account_password_check CHECK (password_hash IS NOT NULL OR sso_subject IS NOT NULL);

-- One account per identity at the provider; found by it at every sign-in.
CREATE UNIQUE INDEX staff_account_sso_idx ON staff_account (sso_issuer, sso_subject) WHERE sso_subject IS NOT NULL;

-- A linked account's username comes from the provider (preferred_username, say
-- anna.jansen@ziekenhuis.nl): an '@' is allowed, which local usernames never have, so the two
-- cannot collide.
ALTER TABLE staff_account DROP CONSTRAINT staff_account_username_check;
ALTER TABLE staff_account ADD CONSTRAINT staff_account_username_check
  CHECK (username = lower(username) AND username ~ '^[a-z0-9][a-z0-9._@-]{1,127}$');
