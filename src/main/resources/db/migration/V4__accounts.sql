-- Staff accounts: who may sign in, with which roles, and for physicians which departments.
-- Requesters and co-signers have no account.

CREATE TABLE staff_account
(
  id                   UUID                     NOT NULL PRIMARY KEY,
  -- Stored lower-case, so that "Balie" and "balie" are one account.
  username             TEXT                     NOT NULL UNIQUE
    CHECK (username = lower(username) AND username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
  display_name         TEXT                     NOT NULL,
  email                TEXT                     NOT NULL,
  -- DelegatingPasswordEncoder format: {bcrypt}$2a$...
  password_hash        TEXT                     NOT NULL,
  enabled              BOOLEAN                  NOT NULL,
  -- The TOTP secret, AES-GCM encrypted under recordsdesk.accounts.totp-key; null until enrolled.
  totp_secret          TEXT,
  totp_enrolled_at     TIMESTAMP WITH TIME ZONE,
  -- The last time step a code was accepted for: a code is never accepted twice.
  totp_last_step       BIGINT,
  must_change_password BOOLEAN                  NOT NULL,
  -- Sign-in throttling, written only by single atomic statements (parallel guesses count).
  failed_attempts      INTEGER                  NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
  locked_until         TIMESTAMP WITH TIME ZONE,
  created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  version              BIGINT                   NOT NULL,
  CHECK ((totp_secret IS NULL) = (totp_enrolled_at IS NULL))
);

CREATE TABLE staff_role
(
  account_id UUID NOT NULL REFERENCES staff_account (id) ON DELETE CASCADE,
  role       TEXT NOT NULL CHECK (role IN ('DESK', 'PHYSICIAN', 'ADMIN', 'AUDITOR')),
  PRIMARY KEY (account_id, role)
);
-- Finding the physicians (StaffDirectory) and whether an administrator exists.
CREATE INDEX staff_role_role_idx ON staff_role (role);

CREATE TABLE staff_department
(
  account_id UUID NOT NULL REFERENCES staff_account (id) ON DELETE CASCADE,
  -- Free text as the hospital names it, e.g. "Cardiologie".
  department TEXT NOT NULL CHECK (length(trim(department)) > 0),
  PRIMARY KEY (account_id, department)
);
CREATE INDEX staff_department_department_idx ON staff_department (department);
