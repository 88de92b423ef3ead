-- fold_case(text): PostgreSQL's implementation of db/fold-case.ts, which SQLite calls under the
-- same name (db/client.ts), so `fold_case(name) LIKE fold_case($1)` reads the same on both.
-- Steps, as there: NFC; drop invisible characters; İ → i; lower-case by Unicode's rules (ICU's
-- root locale, whatever the database's own collation); ı → i and ё → е; then drop the
-- combining marks that follow a Latin letter (the combining-mark blocks stand for JavaScript's
-- \p{M}, which PostgreSQL's regular expressions lack). Cyrillic letters keep their marks.
-- Needs a server built with ICU (Debian's and the official images are) and a UTF8 database.
CREATE OR REPLACE FUNCTION fold_case(value text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN normalize(
  regexp_replace(
    normalize(
      replace(
        replace(
          lower(
            replace(
              regexp_replace(normalize(value, NFC), '[\uFEFF\u200B-\u200D\u2060\u00AD]', '', 'g'),
              'İ', 'i'
            ) COLLATE "und-x-icu"
          ),
          'ı', 'i'
        ),
        'ё', 'е'
      ),
      NFD
    ),
    '([a-z])[\u0300-\u036F\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF\uFE20-\uFE2F]+', '\1', 'g'
  ),
  NFC
);
