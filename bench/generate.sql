-- Fills a recordsdesk database (schema made by Flyway) with :requests realistic requests, the
-- staff who handled them, their documents, signatures, history and audit trail, in set-based
-- statements. Run through bench/generate.sh, or:
--   psql -v requests=10000 -f bench/generate.sql postgresql://...
-- The rows are what the portal itself writes: the same states, items, events and actors, so
-- the desk's pages show them as they would show a request filed through the form.
--
-- 20,000 requests a year, the newest filed today. Each request gets the time it takes to close
-- (a month at most for most); those filed too recently to have closed are open, in the state
-- they have reached (some past their due date): about 1,000 open at any size, the last weeks'
-- intake. The rest are delivered (copies) or completed (the other rights), rejected, withdrawn,
-- expired. Per request about 7 events and 12 audit rows.
\set ON_ERROR_STOP on
\timing on
SET client_min_messages = warning;
BEGIN;
SELECT setseed(0.1313);

-- Refuse to fill a database twice: references and submission keys would collide.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM request) THEN
    RAISE EXCEPTION 'request is not empty: generate into a fresh database (Flyway''s schema, no requests)';
  END IF;
END $$;

-- ---------------------------------------------------------------------------------------------
-- Staff: 40 desk members, 10 physicians with departments, an administrator, two auditors, and
-- the benchmark's own desk member (bench.balie). Password for all: benchmark-wachtwoord. No
-- second factor yet: each enrols at their first sign-in, as a new account does.
-- ---------------------------------------------------------------------------------------------
CREATE TEMP TABLE bench_staff (n int, username text, display_name text, role text, department text);
INSERT INTO bench_staff
SELECT n, regexp_replace(translate(lower(left(f, 1) || '.' || replace(l, ' ', '')), 'ëïéèöüçãáíóúñşğışšć', 'eieeoucaaiounsgissc'), '[^a-z0-9._-]', '', 'g'),
       f || ' ' || l, 'DESK', NULL
FROM (SELECT n,
             (ARRAY['Anouk','Daniël','Inès','Sjoerd','Zoë','Mehmet','Fleur','Joël','Noor','Bram'])[1 + n % 10] AS f,
             (ARRAY['de Vries','Özdemir','van den Berg','Jansen','El Idrissi','Bakker','Visser','Smit',
                    'Meijer','de Boer','Mulder','de Groot','Bos','Vos','Peeters','Hendriks','van Leeuwen',
                    'Dekker','Brouwer','Dijkstra','Koç','van der Meer','Brandão','Müller','Šimić',
                    'de Graaf','Kramer','Verbeek','Post','Kuijpers','Willems','Schouten','Prins',
                    'Huisman','Wouters','Yılmaz','Kok','Vermeulen','van Dam','Sarmo'])[n] AS l
      FROM generate_series(1, 40) n) s;
INSERT INTO bench_staff
SELECT 100 + n, 'arts.' || n, 'dr. ' || (ARRAY['Hélène Vermeer','Koen Bastiaans','Aïcha Benali','Pieter-Jan Roos',
       'Saskia ten Hove','Emre Şahin','Marloes Geerts','Joost van Eijk','Renée Claassen','Thijs Noordhuis'])[n],
       'PHYSICIAN', (ARRAY['Cardiologie','Interne geneeskunde','Neurologie','Chirurgie','Kindergeneeskunde',
       'Oncologie','Radiologie','Gynaecologie','Orthopedie','Longziekten'])[n]
FROM generate_series(1, 10) n;
INSERT INTO bench_staff VALUES (200, 'beheer.bench', 'Beheerder Benchmark', 'ADMIN', NULL),
                               (201, 'audit.1', 'Lotte Gerritsen', 'AUDITOR', NULL),
                               (202, 'audit.2', 'Ruud Claes', 'AUDITOR', NULL),
                               (300, 'bench.balie', 'Medewerker Benchmark', 'DESK', NULL);

INSERT INTO staff_account (id, username, display_name, email, password_hash, enabled, totp_secret, totp_enrolled_at,
                           totp_last_step, must_change_password, failed_attempts, locked_until, created_at, updated_at,
                           version)
SELECT gen_random_uuid(), username, display_name, username || '@ziekenhuis.example',
       '{bcrypt}$2a$10$.EOZF.TvMzEXhh/kiaQUG.psekh1GUUFYRgCb/DGt9fiSb8ITLViy', true, NULL, NULL, NULL, false, 0, NULL,
       now() - interval '3 years', now() - interval '3 years', 0
FROM bench_staff;
INSERT INTO staff_role (account_id, role)
SELECT a.id, s.role FROM bench_staff s JOIN staff_account a USING (username);
INSERT INTO staff_department (account_id, department)
SELECT a.id, s.department FROM bench_staff s JOIN staff_account a USING (username) WHERE s.department IS NOT NULL;

-- ---------------------------------------------------------------------------------------------
-- The requests, first as a plan: one row per request with every choice drawn once.
-- ---------------------------------------------------------------------------------------------
CREATE TEMP TABLE bench_plan AS
WITH draws AS (
  SELECT i, random() AS r_state, random() AS r_type, random() AS r_rel, random() AS r_age, random() AS r_name,
         random() AS r_name2, random() AS r_time, random() AS r_misc, random() AS r_staff, random() AS r_staff2,
         random() AS r_deliv, random() AS r_extra, random() AS r_dur, random() AS r_late, random() AS r_phase
  FROM generate_series(1, :requests) i
), typed AS (
  SELECT d.*,
         -- how each request ends, in the proportions of closed requests
         CASE WHEN r_state < 0.0405 THEN 'REJECTED'
              WHEN r_state < 0.0790 THEN 'WITHDRAWN'
              WHEN r_state < 0.0942 THEN 'EXPIRED'
              ELSE 'DONE' END AS outcome,
         CASE WHEN r_type < 0.60 THEN 'RECORD_COPY'
              WHEN r_type < 0.76 THEN 'IMAGING_COPY'
              WHEN r_type < 0.81 THEN 'ACCESS_LOG_OVERVIEW'
              WHEN r_type < 0.87 THEN 'EXPLANATION'
              WHEN r_type < 0.92 THEN 'CORRECTION'
              WHEN r_type < 0.97 THEN 'ADDITION'
              ELSE 'DESTRUCTION' END AS type0,
         CASE WHEN r_rel < 0.70 THEN 'SELF'
              WHEN r_rel < 0.78 THEN 'PARENT_JOINT'
              WHEN r_rel < 0.81 THEN 'PARENT_SOLE'
              WHEN r_rel < 0.83 THEN 'GUARDIAN'
              WHEN r_rel < 0.92 THEN 'AUTHORIZED_PERSON'
              ELSE 'NEXT_OF_KIN' END AS rel0,
         -- 20,000 a year, evenly, the newest filed today: a million reach back 50 years
         now() - (0.01 + r_time * :requests / 20000.0 * 365.25) * interval '1 day' AS filed_at
  FROM draws d
), shaped AS (
  SELECT t.*,
         -- expiring waiting for signatures means a co-signer: a parent with joint authority
         CASE WHEN outcome = 'EXPIRED' THEN 'PARENT_JOINT' ELSE rel0 END AS rel
  FROM typed t
), kinds AS (
  SELECT s.*,
         -- next of kin may ask only for a copy or an explanation; an under-12 only for copies and rights
         CASE WHEN rel = 'NEXT_OF_KIN' AND type0 NOT IN ('RECORD_COPY', 'IMAGING_COPY', 'EXPLANATION') THEN 'RECORD_COPY'
              ELSE type0 END AS rtype
  FROM shaped s
), timed AS (
  SELECT k.*,
         rtype IN ('RECORD_COPY', 'IMAGING_COPY', 'ACCESS_LOG_OVERVIEW') AS copy,
         -- a request with a physician's decision: next of kin of a deceased patient, or a destruction
         (rel = 'NEXT_OF_KIN' OR rtype = 'DESTRUCTION') AS physician,
         -- days from filing to closing: a month at most for most; the deadline extended for 3%,
         -- late past the month for 6% of those handled
         CASE outcome WHEN 'EXPIRED' THEN 30.125
                      WHEN 'WITHDRAWN' THEN 1 + r_misc * 10
                      WHEN 'REJECTED' THEN 3 + r_misc * 20
                      ELSE CASE WHEN r_extra < 0.03 AND rtype <> 'DESTRUCTION' THEN 35 + r_dur * 25
                                WHEN r_late < 0.06 THEN 32 + r_dur * 24
                                ELSE 4 + r_dur * 27 END END
           -- with joint authority, after the second parent's signature (two days in)
           + CASE WHEN rel = 'PARENT_JOINT' AND outcome <> 'EXPIRED' THEN 2 ELSE 0 END AS days,
         extract(epoch FROM now() - filed_at) / 86400.0 AS age
  FROM kinds k
), stated AS (
  SELECT t.*,
         -- open: not closed yet, so the open requests are the last weeks' intake (the same number
         -- at any size); the state from how far along the way to its end the request is
         CASE WHEN age >= days THEN
                CASE WHEN outcome <> 'DONE' THEN outcome WHEN copy THEN 'DELIVERED' ELSE 'COMPLETED' END
              WHEN rel = 'PARENT_JOINT' AND (outcome = 'EXPIRED' OR age < 2) THEN 'AWAITING_SIGNATURES'
              WHEN outcome = 'WITHDRAWN' THEN CASE WHEN r_misc < 0.5 OR age < 0.3 * days THEN 'SUBMITTED' ELSE 'IN_REVIEW' END
              WHEN age < 0.12 * days THEN 'SUBMITTED'
              WHEN outcome = 'REJECTED' AND physician AND age >= 0.5 * days THEN 'PHYSICIAN_REVIEW'
              WHEN outcome = 'REJECTED' OR age < CASE WHEN physician THEN 0.35 ELSE 0.45 END * days THEN
                CASE WHEN r_phase < 0.25 THEN 'AWAITING_REQUESTER' ELSE 'IN_REVIEW' END
              WHEN physician AND age < 0.65 * days THEN 'PHYSICIAN_REVIEW'
              WHEN NOT copy OR age < CASE WHEN physician THEN 0.70 ELSE 0.52 END * days THEN 'APPROVED'
              WHEN age < 0.86 * days THEN 'IN_PREPARATION'
              ELSE 'READY' END AS status
  FROM timed t
)
SELECT s.*,
       status IN ('AWAITING_SIGNATURES', 'SUBMITTED', 'IN_REVIEW', 'AWAITING_REQUESTER', 'PHYSICIAN_REVIEW', 'APPROVED',
                  'IN_PREPARATION', 'READY') AS open,
       CASE rel WHEN 'PARENT_JOINT' THEN 'PARENT' WHEN 'PARENT_SOLE' THEN 'PARENT' ELSE rel END AS relation,
       CASE rel WHEN 'PARENT_JOINT' THEN 'JOINT' WHEN 'PARENT_SOLE' THEN 'SOLE' END AS authority,
       CASE WHEN rtype = 'IMAGING_COPY' THEN 'PICKUP_RADIOLOGY'
            WHEN rtype NOT IN ('RECORD_COPY', 'IMAGING_COPY', 'ACCESS_LOG_OVERVIEW') THEN 'ANSWER_BY_EMAIL'
            WHEN r_deliv < 0.45 THEN 'SECURE_DOWNLOAD'
            WHEN r_deliv < 0.80 THEN 'POST'
            ELSE 'PICKUP_DESK' END AS delivery
FROM stated s;

-- When the last thing happened: closing, or the latest step of an open request (a co-signed
-- one after its second signature, two days in).
ALTER TABLE bench_plan ADD COLUMN last_at timestamptz;
UPDATE bench_plan SET
  last_at = CASE
    WHEN NOT open THEN filed_at + days * interval '1 day'
    WHEN authority = 'JOINT' AND status <> 'AWAITING_SIGNATURES' THEN
      greatest(filed_at + (now() - filed_at) * (0.3 + 0.6 * r_misc), least(filed_at + interval '2 days 1 hour', now()))
    ELSE filed_at + (now() - filed_at) * (0.3 + 0.6 * r_misc) END;

-- References in the order of filing, as the sequence hands them out.
CREATE TEMP TABLE bench_req AS
SELECT p.*,
       gen_random_uuid() AS id,
       'RD-' || extract(year FROM p.filed_at AT TIME ZONE 'Europe/Amsterdam')::int || '-'
         || lpad((row_number() OVER (ORDER BY p.filed_at))::text, 6, '0') AS reference,
       row_number() OVER (ORDER BY p.filed_at) AS number,
       (ARRAY['Zoë','Thijs','Chloë','Loïs','Daniël','Noé','Anaïs','René','José','Inès','Mieke','Sjoerd','Fatma',
              'Ümit','Eline','Jesús','Björn','Aoife','Mohamed','Sanne','Gerrit','Wilhelmina','Kees','Øyvind',
              'Françoise','Ilse','Tijn','Léa','Yasmina','Cor'])[1 + floor(p.r_name * 30)::int] AS first_name,
       (ARRAY['de Vries','van den Berg','Özdemir','El Idrissi','Janssen','van Dijk','Bakker','Visser','Smit',
              'Meijer','de Boer','Mulder','de Groot','Bos','Vos','Peters','Hendriks','van Leeuwen','Dekker',
              'Brouwer','de Wit','Dijkstra','Smits','de Graaf','van der Meer','Kök','Yılmaz','Nguyễn','Brandão',
              'Müller','Šimić','Çelik','Hoogendoorn','van ''t Hof','d''Ancona','Ruiz-García','Bouzid',
              'Kowalczyk','Lefèvre','Ĳzerman'])[1 + floor(p.r_name2 * 40)::int] AS last_name,
       (ARRAY['Marieke','Ahmed','Hans','Petra','Youssef','Ingrid','Sérgio','Annelies','Rachid','Joke'])
         [1 + floor(p.r_extra * 10)::int] AS other_first
FROM bench_plan p;
DROP TABLE bench_plan;
ANALYZE bench_req;

-- Who handled it: a desk member; who decided: a physician.
ALTER TABLE bench_req ADD COLUMN handler text, ADD COLUMN colleague text, ADD COLUMN physician_name text,
  ADD COLUMN birth date, ADD COLUMN requester_name text, ADD COLUMN email text, ADD COLUMN due date,
  ADD COLUMN extended boolean;
UPDATE bench_req r SET
  handler = (SELECT username FROM bench_staff WHERE n = 1 + floor(r.r_staff * 40)::int),
  colleague = (SELECT username FROM bench_staff WHERE n = 1 + floor(r.r_staff2 * 40)::int),
  physician_name = (SELECT username FROM bench_staff WHERE n = 101 + floor(r.r_staff2 * 10)::int),
  birth = CASE
    WHEN r.relation IN ('PARENT', 'GUARDIAN') THEN (r.filed_at - (1 + r.r_age * 10.5) * interval '365.25 days')::date
    ELSE (r.filed_at - (17 + r.r_age * 70) * interval '365.25 days')::date END,
  -- extended once the identity was checked (an open request early on is not, yet)
  extended = r.r_extra < 0.03 AND r.rtype <> 'DESTRUCTION'
             AND r.status NOT IN ('AWAITING_SIGNATURES', 'EXPIRED', 'WITHDRAWN', 'SUBMITTED', 'IN_REVIEW', 'AWAITING_REQUESTER');
UPDATE bench_req r SET
  requester_name = CASE WHEN r.relation = 'SELF' THEN r.first_name || ' ' || r.last_name
                        ELSE r.other_first || ' ' || r.last_name END,
  due = CASE WHEN r.status IN ('AWAITING_SIGNATURES', 'EXPIRED') THEN NULL
             ELSE (((r.filed_at + CASE WHEN r.authority = 'JOINT' THEN interval '2 days' ELSE interval '0' END)
                    AT TIME ZONE 'Europe/Amsterdam')::date
                   + (CASE WHEN r.rtype = 'DESTRUCTION' THEN 3 ELSE 1 END) * interval '1 month')::date END;
UPDATE bench_req r SET
  email = regexp_replace(translate(lower(replace(replace(replace(r.requester_name, '''', ''), ' ', '.'), 'Ĳ', 'IJ')),
                                   'ëïéèöüçãáíóúñşğıøšễćà', 'eieeoucaaiounsgioseca'), '[^a-z0-9._-]', '', 'g')
          || (r.number % 97) || '@example.nl';

-- ---------------------------------------------------------------------------------------------
-- History: the steps the workflow took to reach each request's state, with who took them.
-- ---------------------------------------------------------------------------------------------
CREATE TEMP TABLE bench_step AS
SELECT r.id, r.reference, r.filed_at, r.last_at, r.handler, r.colleague, r.physician_name, r.authority, s.step, s.pos,
       r.steps[s.pos - 1] AS prev_step, cardinality(steps) AS steps
FROM (SELECT r.*,
             ARRAY['FILED']
             || CASE WHEN r.authority = 'JOINT' AND r.status NOT IN ('AWAITING_SIGNATURES', 'EXPIRED')
                     THEN ARRAY['CO_SIGNED', 'SUBMITTED'] ELSE ARRAY[]::text[] END
             || CASE
                  WHEN r.status IN ('AWAITING_SIGNATURES', 'SUBMITTED') THEN ARRAY[]::text[]
                  WHEN r.status = 'EXPIRED' THEN ARRAY['EXPIRED']
                  WHEN r.status = 'WITHDRAWN' THEN
                    CASE WHEN r.r_misc < 0.5 THEN ARRAY['WITHDRAWN'] ELSE ARRAY['CLAIMED', 'WITHDRAWN'] END
                  ELSE ARRAY['CLAIMED']
                       || CASE WHEN r.r_extra > 0.85 THEN ARRAY['HANDED_OVER'] ELSE ARRAY[]::text[] END
                       || CASE
                            WHEN r.status = 'IN_REVIEW' THEN ARRAY[]::text[]
                            WHEN r.status = 'AWAITING_REQUESTER' THEN ARRAY['QUESTION_ASKED']
                            WHEN r.status = 'REJECTED' AND NOT r.physician THEN ARRAY['REJECTED']
                            ELSE ARRAY['IDENTITY_VERIFIED']
                                 || CASE WHEN r.extended THEN ARRAY['DEADLINE_EXTENDED'] ELSE ARRAY[]::text[] END
                                 || CASE
                                      WHEN r.physician THEN ARRAY['FORWARDED_TO_PHYSICIAN']
                                        || CASE WHEN r.status = 'PHYSICIAN_REVIEW' THEN ARRAY[]::text[]
                                                WHEN r.status = 'REJECTED' THEN ARRAY['REVIEW_DECIDED', 'PHYSICIAN_REJECTED']
                                                ELSE ARRAY['REVIEW_DECIDED', 'PHYSICIAN_APPROVED'] END
                                      ELSE ARRAY['APPROVED'] END
                                 || CASE
                                      WHEN r.status IN ('PHYSICIAN_REVIEW', 'APPROVED', 'REJECTED') THEN ARRAY[]::text[]
                                      WHEN r.status = 'COMPLETED' THEN
                                        CASE WHEN r.rtype = 'EXPLANATION' THEN ARRAY['APPOINTMENT_SCHEDULED'] ELSE ARRAY[]::text[] END
                                        || ARRAY['COMPLETED']
                                      ELSE ARRAY['PREPARED']
                                        || CASE WHEN r.status = 'IN_PREPARATION' THEN ARRAY[]::text[] ELSE ARRAY['READY'] END
                                        || CASE WHEN r.status <> 'DELIVERED' THEN ARRAY[]::text[]
                                                WHEN r.delivery = 'SECURE_DOWNLOAD' THEN ARRAY['DOWNLOADED']
                                                ELSE ARRAY['DELIVERED'] END
                                    END
                          END
                END AS steps
      FROM bench_req r) r,
     unnest(r.steps) WITH ORDINALITY AS s(step, pos);

-- The state each step leads to.
CREATE FUNCTION pg_temp.bench_to(step text, joint boolean) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE step
    WHEN 'FILED' THEN CASE WHEN joint THEN 'AWAITING_SIGNATURES' ELSE 'SUBMITTED' END
    WHEN 'CO_SIGNED' THEN 'AWAITING_SIGNATURES' WHEN 'SUBMITTED' THEN 'SUBMITTED' WHEN 'EXPIRED' THEN 'EXPIRED'
    WHEN 'WITHDRAWN' THEN 'WITHDRAWN' WHEN 'CLAIMED' THEN 'IN_REVIEW' WHEN 'HANDED_OVER' THEN 'IN_REVIEW'
    WHEN 'IDENTITY_VERIFIED' THEN 'IN_REVIEW' WHEN 'DEADLINE_EXTENDED' THEN 'IN_REVIEW'
    WHEN 'QUESTION_ASKED' THEN 'AWAITING_REQUESTER' WHEN 'REJECTED' THEN 'REJECTED'
    WHEN 'FORWARDED_TO_PHYSICIAN' THEN 'PHYSICIAN_REVIEW' WHEN 'REVIEW_DECIDED' THEN 'PHYSICIAN_REVIEW'
    WHEN 'PHYSICIAN_REJECTED' THEN 'REJECTED' WHEN 'PHYSICIAN_APPROVED' THEN 'APPROVED' WHEN 'APPROVED' THEN 'APPROVED'
    WHEN 'APPOINTMENT_SCHEDULED' THEN 'APPROVED' WHEN 'COMPLETED' THEN 'COMPLETED'
    WHEN 'PREPARED' THEN 'IN_PREPARATION' WHEN 'READY' THEN 'READY'
    WHEN 'DELIVERED' THEN 'DELIVERED' WHEN 'DOWNLOADED' THEN 'DELIVERED' END
$$;

ALTER TABLE bench_step ADD COLUMN at timestamptz, ADD COLUMN actor text;
UPDATE bench_step SET
  at = CASE WHEN pos = 1 THEN filed_at
            WHEN step IN ('CO_SIGNED', 'SUBMITTED') AND authority = 'JOINT' THEN filed_at + interval '2 days'
            -- the desk's steps come after submission: two days in with joint authority
            WHEN authority = 'JOINT' AND steps > 3 AND pos > 3 THEN
              filed_at + interval '2 days' + (last_at - filed_at - interval '2 days') * ((pos - 3)::float8 / (steps - 3))
            ELSE filed_at + (last_at - filed_at) * ((pos - 1)::float8 / greatest(steps - 1, 1)) END,
  actor = CASE
    WHEN step IN ('FILED', 'WITHDRAWN', 'DOWNLOADED') THEN 'REQUESTER'
    WHEN step = 'CO_SIGNED' THEN 'SECOND_PARENT'
    WHEN step IN ('SUBMITTED', 'EXPIRED') THEN 'SYSTEM'
    WHEN step IN ('REVIEW_DECIDED', 'PHYSICIAN_REJECTED', 'PHYSICIAN_APPROVED') THEN physician_name
    WHEN step IN ('CLAIMED', 'HANDED_OVER') THEN colleague
    ELSE handler END;
ANALYZE bench_step;
-- after a hand-over the colleague who claimed gives it to the handler
UPDATE bench_step s SET actor = s.handler WHERE s.step = 'CLAIMED'
  AND NOT EXISTS (SELECT 1 FROM bench_step h WHERE h.id = s.id AND h.step = 'HANDED_OVER');

-- The request rows.
INSERT INTO request (id, version, reference, submission_key, status_token_hash, status, request_type, language,
                     filed_at, submitted_at, due_date, closed_at, outcome, record_scope, departments, period,
                     document_kinds, explanation_wanted, studies_before_2005, patient_name, patient_birth_date,
                     patient_number, patient_deceased, patient_date_of_death, ivf_treatment, motivation,
                     requester_relation, requester_authority, requester_name, requester_email, requester_phone,
                     requester_street, requester_postal_code, requester_city, delivery, assigned_to,
                     identity_verified_at, identity_verified_by, original_due_date, extension_reason,
                     rejection_reason, prepared_parts, id_checked_at_pickup, fee_paid, reminders_sent, copy_file_id,
                     copy_file_name, download_expires_at, statement, correction_current, correction_proposed,
                     explanation_topic, appointment_at, appointment_place, completion_note)
SELECT r.id, 3, r.reference, gen_random_uuid(), encode(sha256(('bench-status-' || r.id)::bytea), 'hex'), r.status,
       r.rtype, CASE WHEN r.number % 9 = 0 THEN 'en' ELSE 'nl' END,
       r.filed_at,
       CASE WHEN r.status IN ('AWAITING_SIGNATURES', 'EXPIRED') THEN NULL
            WHEN r.authority = 'JOINT' THEN r.filed_at + interval '2 days' ELSE r.filed_at END,
       CASE WHEN r.extended THEN (r.due + interval '1 month')::date ELSE r.due END,
       CASE WHEN r.open THEN NULL ELSE r.last_at END,
       CASE WHEN r.physician THEN 'PHYSICIAN_REVIEW' ELSE 'RECORDS_DESK' END,
       CASE WHEN r.rtype = 'RECORD_COPY' THEN CASE WHEN r.r_misc < 0.6 THEN 'WHOLE' ELSE 'PARTS' END END,
       CASE WHEN r.rtype = 'RECORD_COPY' AND r.r_misc >= 0.6 THEN
         (ARRAY['Cardiologie','Interne geneeskunde','Neurologie','Chirurgie','Kindergeneeskunde'])[1 + r.number % 5] END,
       CASE WHEN r.rtype = 'RECORD_COPY' AND r.r_misc >= 0.6 THEN 'vanaf ' || (2005 + r.number % 20) END,
       CASE WHEN r.rtype = 'RECORD_COPY' AND r.r_misc >= 0.6 THEN
         (ARRAY['LETTERS','LETTERS,RESULTS','REPORTS,OPERATIONS','MEDICATION','IMAGING_REPORTS'])[1 + r.number % 5] END,
       r.rtype = 'RECORD_COPY' AND r.r_misc < 0.1,
       r.rtype = 'IMAGING_COPY' AND r.r_misc < 0.05,
       r.first_name || ' ' || r.last_name, r.birth,
       CASE WHEN r.number % 3 = 0 THEN lpad((1000000 + r.number % 8999999)::text, 7, '0') END,
       r.relation = 'NEXT_OF_KIN',
       CASE WHEN r.relation = 'NEXT_OF_KIN' THEN (r.filed_at - (20 + r.r_age * 300) * interval '1 day')::date END,
       false,
       CASE WHEN r.relation = 'NEXT_OF_KIN' THEN 'Ik wil weten welke behandeling mijn vader in zijn laatste maanden kreeg.' END,
       r.relation, r.authority, r.requester_name, r.email,
       '06' || lpad((r.number * 7919 % 100000000)::text, 8, '0'),
       (ARRAY['Kerkstraat','Dorpsstraat','Molenweg','Schoolstraat','Julianalaan','Beatrixstraat','Lindelaan',
              'Coolsingel','Maasboulevard','Kruiskade'])[1 + r.number % 10] || ' ' || (1 + r.number % 180),
       (1000 + r.number % 8999)::text || ' ' || chr(65 + (r.number % 26)::int) || chr(65 + ((r.number / 26) % 26)::int),
       (ARRAY['Rotterdam','Schiedam','Capelle aan den IJssel','Vlaardingen','Barendrecht','Delft','Den Haag',
              'Spijkenisse','Ridderkerk','Gouda'])[1 + r.number % 10],
       r.delivery,
       CASE WHEN r.status IN ('AWAITING_SIGNATURES', 'SUBMITTED', 'EXPIRED')
                 OR (r.status = 'WITHDRAWN' AND r.r_misc < 0.5) THEN NULL ELSE r.handler END,
       iv.at, iv.actor,
       CASE WHEN r.extended THEN r.due END,
       CASE WHEN r.extended THEN 'Het dossier ligt deels in het externe archief; opvragen duurt langer.' END,
       CASE WHEN r.status = 'REJECTED' THEN
         CASE WHEN r.physician THEN 'Geen grond om het dossier van de overledene te verstrekken.'
              ELSE 'De aanvrager kon niet aantonen dat hij bevoegd is namens de patiënt.' END END,
       CASE WHEN r.copy AND r.status IN ('IN_PREPARATION', 'READY', 'DELIVERED') THEN
         CASE WHEN r.rtype = 'IMAGING_COPY' THEN 'MRI knie, CT thorax' ELSE 'Brieven, uitslagen en verslagen' END END,
       r.status = 'DELIVERED' AND r.delivery IN ('PICKUP_DESK', 'PICKUP_RADIOLOGY'),
       r.status = 'DELIVERED' AND r.delivery = 'PICKUP_RADIOLOGY',
       CASE WHEN r.status = 'EXPIRED' THEN 2 WHEN r.status = 'AWAITING_SIGNATURES' AND r.filed_at < now() - interval '7 days' THEN 1 ELSE 0 END,
       NULL,
       CASE WHEN r.delivery = 'SECURE_DOWNLOAD' AND r.status IN ('READY', 'DELIVERED') THEN 'dossier-' || r.reference || '.pdf' END,
       CASE WHEN r.delivery = 'SECURE_DOWNLOAD' AND r.status = 'READY' THEN r.last_at + interval '14 days'
            WHEN r.delivery = 'SECURE_DOWNLOAD' AND r.status = 'DELIVERED' THEN r.last_at + interval '13 days' END,
       CASE WHEN r.rtype = 'ADDITION' THEN 'Ik ben het niet eens met de diagnose in de brief van de cardioloog en wil mijn verklaring toevoegen.' END,
       CASE WHEN r.rtype = 'CORRECTION' THEN 'Mijn geboortedatum staat verkeerd in het dossier.' END,
       CASE WHEN r.rtype = 'CORRECTION' THEN 'Mijn juiste geboortedatum staat op mijn paspoort.' END,
       CASE WHEN r.rtype = 'EXPLANATION' THEN 'Uitleg over de uitslag van het MRI-onderzoek.' END,
       CASE WHEN r.rtype = 'EXPLANATION' AND r.status = 'COMPLETED' THEN r.last_at - interval '5 days' END,
       CASE WHEN r.rtype = 'EXPLANATION' AND r.status = 'COMPLETED' THEN 'Polikliniek Neurologie, route 42' END,
       CASE WHEN r.status = 'COMPLETED' THEN
         CASE r.rtype WHEN 'ADDITION' THEN 'Uw verklaring is aan het dossier toegevoegd.'
                      WHEN 'CORRECTION' THEN 'De geboortedatum is verbeterd.'
                      WHEN 'DESTRUCTION' THEN 'De gevraagde stukken zijn vernietigd.'
                      ELSE 'Het gesprek met de behandelend arts heeft plaatsgevonden.' END END
FROM bench_req r LEFT JOIN bench_step iv ON iv.id = r.id AND iv.step = 'IDENTITY_VERIFIED';
SELECT setval('request_number_seq', (SELECT count(*) FROM bench_req));

-- The rules' reasons and notices.
INSERT INTO request_reason (request_id, position, code)
SELECT r.id, x.pos - 1, x.code
FROM bench_req r,
     unnest(CASE r.relation
              WHEN 'SELF' THEN ARRAY['OWN_REQUEST']
              WHEN 'PARENT' THEN CASE r.authority WHEN 'JOINT' THEN ARRAY['PARENT_OF_CHILD_UNDER_12', 'BOTH_PARENTS_SIGN']
                                                  ELSE ARRAY['PARENT_OF_CHILD_UNDER_12', 'SOLE_AUTHORITY_SHOWN'] END
              WHEN 'GUARDIAN' THEN ARRAY['GUARDIAN_APPOINTED']
              WHEN 'AUTHORIZED_PERSON' THEN ARRAY['AUTHORIZED_BY_PATIENT']
              ELSE ARRAY['DECEASED_PHYSICIAN_DECIDES'] END
            || CASE r.rtype WHEN 'ADDITION' THEN ARRAY['STATEMENT_ADDED'] WHEN 'CORRECTION' THEN ARRAY['FACTUAL_DATA_CORRECTED']
                            WHEN 'DESTRUCTION' THEN ARRAY['DESTRUCTION_PHYSICIAN_CHECKS']
                            WHEN 'ACCESS_LOG_OVERVIEW' THEN ARRAY['ACCESS_LOG_LISTED']
                            WHEN 'EXPLANATION' THEN ARRAY['EXPLANATION_BY_PHYSICIAN'] ELSE ARRAY[]::text[] END)
       WITH ORDINALITY AS x(code, pos);
INSERT INTO request_notice (request_id, code)
SELECT r.id, n.code
FROM bench_req r,
     unnest(CASE WHEN r.rtype = 'IMAGING_COPY' THEN ARRAY['DVD_FEE_PIN_ONLY', 'SHOW_ID_AT_PICKUP']
                 WHEN r.delivery = 'PICKUP_DESK' THEN ARRAY['SHOW_ID_AT_PICKUP']
                 ELSE ARRAY[]::text[] END
            || CASE WHEN r.rtype = 'RECORD_COPY' AND r.r_extra > 0.9 THEN ARRAY['NO_EXPEDITED_DESK_HANDLING'] ELSE ARRAY[]::text[] END)
       AS n(code);
INSERT INTO request_study (request_id, position, kind, body_part, approximate_date)
SELECT r.id, s.pos - 1, s.kind, s.part, s.at
FROM bench_req r,
     LATERAL (VALUES (1, 'MRI', 'knie', 'maart ' || (2010 + r.number % 15)),
                     (2, 'CT', 'thorax', NULL)) AS s(pos, kind, part, at)
WHERE r.rtype = 'IMAGING_COPY' AND (s.pos = 1 OR r.r_misc < 0.4);

-- What the request must carry, and what satisfied it.
CREATE TEMP TABLE bench_item AS
SELECT r.id AS request_id, r.status, r.open, r.filed_at, r.last_at, x.code,
       CASE WHEN x.code IN ('REQUESTER_ID', 'SECOND_PARENT_ID', 'AUTHORIZATION', 'SOLE_CUSTODY_PROOF',
                            'GUARDIANSHIP_PROOF') THEN 'DOCUMENT'
            WHEN x.code = 'SECOND_PARENT_SIGNATURE' THEN 'SIGNATURE'
            ELSE 'TEXT' END AS kind,
       -- a co-signer who has not signed yet leaves their items open
       NOT (r.status IN ('AWAITING_SIGNATURES', 'EXPIRED') AND x.code IN ('SECOND_PARENT_SIGNATURE', 'SECOND_PARENT_ID'))
         AS satisfied,
       x.code IN ('SECOND_PARENT_SIGNATURE', 'SECOND_PARENT_ID') AS by_co_signer,
       gen_random_uuid() AS satisfier, r.number
FROM bench_req r,
     unnest(ARRAY['REQUESTER_ID']
            || CASE WHEN r.authority = 'JOINT' THEN ARRAY['SECOND_PARENT_SIGNATURE', 'SECOND_PARENT_ID']
                    WHEN r.authority = 'SOLE' THEN ARRAY['SOLE_CUSTODY_PROOF']
                    WHEN r.relation = 'GUARDIAN' THEN ARRAY['GUARDIANSHIP_PROOF']
                    WHEN r.relation = 'AUTHORIZED_PERSON' THEN ARRAY['AUTHORIZATION']
                    WHEN r.relation = 'NEXT_OF_KIN' THEN ARRAY['MOTIVATION'] ELSE ARRAY[]::text[] END
            || CASE r.rtype WHEN 'ADDITION' THEN ARRAY['STATEMENT'] WHEN 'CORRECTION' THEN ARRAY['CORRECTION_DETAILS']
                            ELSE ARRAY[]::text[] END) AS x(code);
INSERT INTO request_item (request_id, item_code, satisfied_by, satisfied_at)
SELECT request_id, code,
       CASE WHEN NOT satisfied THEN NULL ELSE kind || CASE WHEN kind = 'TEXT' THEN '' ELSE ':' || satisfier END END,
       CASE WHEN NOT satisfied THEN NULL WHEN by_co_signer THEN filed_at + interval '2 days' ELSE filed_at END
FROM bench_item;

-- Documents: small files for what is still kept; the ID copies of closed requests were purged
-- a day after closing (ClosedRequestIdCopies), so only their name and hash remain.
CREATE TEMP TABLE bench_doc AS
SELECT i.satisfier AS id, i.request_id, i.code, i.by_co_signer, i.filed_at, i.last_at, i.number,
       (i.code IN ('REQUESTER_ID', 'SECOND_PARENT_ID') AND NOT i.open) AS purged,
       CASE WHEN i.number % 3 = 0 THEN 'image/jpeg' ELSE 'application/pdf' END AS content_type,
       CASE i.code WHEN 'REQUESTER_ID' THEN 'paspoort' WHEN 'SECOND_PARENT_ID' THEN 'id-kaart-partner'
                   WHEN 'AUTHORIZATION' THEN 'machtiging' WHEN 'SOLE_CUSTODY_PROOF' THEN 'uittreksel-gezagsregister'
                   ELSE 'beschikking-voogdij' END
         || CASE WHEN i.number % 3 = 0 THEN '.jpg' ELSE '.pdf' END AS file_name
FROM bench_item i
WHERE i.kind = 'DOCUMENT' AND i.satisfied;
INSERT INTO stored_file (id, content, content_type, size, sha256, scan_status, created_at)
SELECT id, content, content_type, length(content), encode(sha256(content), 'hex'), 'NOT_CONFIGURED', created_at
FROM (SELECT d.id, d.content_type,
             CASE WHEN d.content_type = 'application/pdf'
                  THEN convert_to('%PDF-1.4' || chr(10) || '% benchmark ' || d.id || chr(10) || '%%EOF' || chr(10), 'UTF8')
                  ELSE decode('ffd8ffe000104a46494600010100000100010000ffd9', 'hex') END AS content,
             CASE WHEN d.by_co_signer THEN d.filed_at + interval '2 days' ELSE d.filed_at END AS created_at
      FROM bench_doc d WHERE NOT d.purged) f;
INSERT INTO request_document (id, request_id, item_code, file_id, file_name, content_type, size, sha256, uploaded_by,
                              uploaded_at, purged_at)
SELECT d.id, d.request_id, d.code, CASE WHEN d.purged THEN NULL ELSE d.id END, d.file_name, d.content_type,
       coalesce(f.size, 180000 + d.number % 900000), coalesce(f.sha256, encode(sha256(d.id::text::bytea), 'hex')),
       CASE WHEN d.by_co_signer THEN 'SECOND_PARENT' ELSE 'REQUESTER' END,
       CASE WHEN d.by_co_signer THEN d.filed_at + interval '2 days' ELSE d.filed_at END,
       CASE WHEN d.purged THEN d.last_at + interval '1 day' END
FROM bench_doc d LEFT JOIN stored_file f ON f.id = d.id;

-- Signatures: the requester's (typed) at filing, the second parent's through their link.
INSERT INTO request_signature (id, request_id, signer_role, signer_name, method, image, signed_at)
SELECT gen_random_uuid(), r.id, 'REQUESTER', r.requester_name, 'TYPED', NULL, r.filed_at FROM bench_req r;
INSERT INTO request_signature (id, request_id, signer_role, signer_name, method, image, signed_at)
SELECT i.satisfier, i.request_id, 'SECOND_PARENT',
       (ARRAY['Sander','Fenna','Kemal','Esther','Lucas','Nadia'])[1 + r.number % 6] || ' ' || r.last_name, 'TYPED', NULL,
       i.filed_at + interval '2 days'
FROM bench_item i JOIN bench_req r ON r.id = i.request_id
WHERE i.code = 'SECOND_PARENT_SIGNATURE' AND i.satisfied;
INSERT INTO cosign_invitation (id, request_id, item_code, name, email, token_hash, status, expires_at, responded_at,
                               decline_reason)
SELECT gen_random_uuid(), r.id, 'SECOND_PARENT_SIGNATURE', (ARRAY['Sander','Fenna','Kemal','Esther','Lucas','Nadia'])[1 + r.number % 6] || ' ' || r.last_name,
       'ouder' || r.number || '@example.nl', encode(sha256(('bench-cosign-' || r.id)::bytea), 'hex'),
       CASE r.status WHEN 'AWAITING_SIGNATURES' THEN 'PENDING' WHEN 'EXPIRED' THEN 'EXPIRED' ELSE 'SIGNED' END,
       r.filed_at + interval '30 days',
       CASE WHEN r.status = 'AWAITING_SIGNATURES' THEN NULL WHEN r.status = 'EXPIRED' THEN r.last_at
            ELSE r.filed_at + interval '2 days' END,
       NULL
FROM bench_req r WHERE r.authority = 'JOINT';

-- Questions to the requester, a physician's decision, the desk's notes.
INSERT INTO request_question (id, request_id, asked_at, asked_by, question, requested_item, answered_at, answer)
SELECT gen_random_uuid(), r.id, r.last_at, r.handler,
       'De kopie van uw identiteitsbewijs is niet leesbaar. Wilt u een nieuwe foto sturen?', NULL, NULL, NULL
FROM bench_req r WHERE r.status = 'AWAITING_REQUESTER';
INSERT INTO review_decision (id, request_id, decided_at, decided_by, granted, legal_ground, scope, scope_parts,
                             weighing, capacity)
SELECT gen_random_uuid(), r.id, r.last_at - interval '2 days', r.physician_name, r.status <> 'REJECTED',
       CASE WHEN r.rtype = 'DESTRUCTION' THEN CASE WHEN r.status = 'REJECTED' THEN 'LAW_FORBIDS' ELSE 'NO_EXCEPTION' END
            WHEN r.status = 'REJECTED' THEN 'PRESUMED_CONSENT' ELSE 'WEIGHTY_INTEREST' END,
       'WHOLE_RECORD', NULL,
       'Het belang van de nabestaande weegt zwaarder dan het beroepsgeheim.', 'TREATING_PHYSICIAN'
FROM bench_req r
WHERE r.physician AND r.status IN ('APPROVED', 'IN_PREPARATION', 'READY', 'DELIVERED', 'COMPLETED', 'REJECTED');
INSERT INTO request_note (id, request_id, written_at, written_by, text)
SELECT gen_random_uuid(), r.id, r.last_at - interval '1 hour', r.handler,
       'Gebeld met de aanvrager: de afdeling levert de stukken volgende week aan.'
FROM bench_req r WHERE r.r_extra > 0.8 AND r.status NOT IN ('AWAITING_SIGNATURES', 'SUBMITTED', 'EXPIRED');

INSERT INTO request_event (id, request_id, position, occurred_at, type, from_status, to_status, actor, detail)
SELECT gen_random_uuid(), s.id, s.pos - 1, s.at,
       CASE s.step WHEN 'PHYSICIAN_REJECTED' THEN 'REJECTED' WHEN 'PHYSICIAN_APPROVED' THEN 'APPROVED' ELSE s.step END,
       CASE WHEN s.pos = 1 THEN NULL ELSE pg_temp.bench_to(s.prev_step, s.authority = 'JOINT') END,
       pg_temp.bench_to(s.step, s.authority = 'JOINT'),
       s.actor,
       CASE WHEN s.step = 'HANDED_OVER' THEN s.handler END
FROM bench_step s;

-- ---------------------------------------------------------------------------------------------
-- The audit trail: the desk opened the request before each of its steps and read a document,
-- and every step of a staff member is recorded as its action; the queue was looked at (a view
-- per five requests) and members signed in and out.
-- ---------------------------------------------------------------------------------------------
INSERT INTO audit_record (occurred_at, user_name, roles, action, outcome, request_reference, subject, detail,
                          client_address)
SELECT a.at, a.user_name, CASE WHEN a.user_name LIKE 'arts.%' THEN 'PHYSICIAN' ELSE 'DESK' END, a.action, 'SUCCESS',
       s.reference, a.subject, NULL, '10.20.' || (abs(hashtext(a.user_name)) % 50) || '.' || (abs(hashtext(a.user_name)) % 200 + 10)
FROM bench_step s,
     LATERAL (VALUES
       (s.at - interval '3 minutes', s.actor, 'REQUEST_VIEWED', NULL::text),
       (s.at - interval '2 minutes', s.actor, CASE WHEN s.step = 'CLAIMED' THEN 'DOCUMENT_VIEWED' END,
        CASE WHEN s.step = 'CLAIMED' THEN (SELECT d.id::text FROM request_document d WHERE d.request_id = s.id LIMIT 1) END),
       (s.at, s.actor,
        CASE s.step WHEN 'CLAIMED' THEN 'REQUEST_CLAIMED' WHEN 'HANDED_OVER' THEN 'REQUEST_HANDED_OVER'
                    WHEN 'IDENTITY_VERIFIED' THEN 'IDENTITY_VERIFIED' WHEN 'QUESTION_ASKED' THEN 'QUESTION_ASKED'
                    WHEN 'FORWARDED_TO_PHYSICIAN' THEN 'FORWARDED_TO_PHYSICIAN' WHEN 'REVIEW_DECIDED' THEN 'REVIEW_DECIDED'
                    WHEN 'APPROVED' THEN 'REQUEST_APPROVED' WHEN 'REJECTED' THEN 'REQUEST_REJECTED'
                    WHEN 'DEADLINE_EXTENDED' THEN 'DEADLINE_EXTENDED' WHEN 'PREPARED' THEN 'PREPARATION_RECORDED'
                    WHEN 'READY' THEN 'MARKED_READY' WHEN 'DELIVERED' THEN 'MARKED_DELIVERED'
                    WHEN 'APPOINTMENT_SCHEDULED' THEN 'APPOINTMENT_SCHEDULED' WHEN 'COMPLETED' THEN 'REQUEST_COMPLETED' END,
        NULL::text)) AS a(at, user_name, action, subject)
WHERE s.actor NOT IN ('REQUESTER', 'SECOND_PARENT', 'SYSTEM') AND s.step NOT IN ('PHYSICIAN_REJECTED', 'PHYSICIAN_APPROVED')
  AND a.action IS NOT NULL
ORDER BY s.at;
INSERT INTO audit_record (occurred_at, user_name, roles, action, outcome, request_reference, subject, detail,
                          client_address)
SELECT r.filed_at + interval '1 hour' * (r.number % 7), r.handler, 'DESK', a.action, 'SUCCESS', NULL, NULL, NULL,
       '10.20.' || (abs(hashtext(r.handler)) % 50) || '.' || (abs(hashtext(r.handler)) % 200 + 10)
FROM bench_req r,
     unnest(CASE WHEN r.number % 5 = 0 THEN ARRAY['SIGN_IN', 'QUEUE_VIEWED', 'SIGN_OUT'] ELSE ARRAY['QUEUE_VIEWED'] END) a(action)
WHERE r.number % 5 IN (0, 1);

COMMIT;
ANALYZE;

SELECT status, count(*) AS requests FROM request GROUP BY status ORDER BY count(*) DESC;
SELECT (SELECT count(*) FROM request) AS requests, (SELECT count(*) FROM request_event) AS events,
       (SELECT count(*) FROM audit_record) AS audit_rows, (SELECT count(*) FROM request_document) AS documents,
       (SELECT count(*) FROM stored_file) AS files, (SELECT count(*) FROM staff_account) AS staff;
