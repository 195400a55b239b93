-- The tracker store's schema (SQLite dialect), generated from tracker/store/models.py and views.py.
-- Do not edit: regenerate with `python -m tracker.store.ddl > schemas/store.sql`.
-- Databases are created and migrated by Alembic (`tracker db upgrade`); this file is for reading.

-- Alembic revision: 0002

CREATE TABLE events (
	id INTEGER NOT NULL,
	"key" TEXT NOT NULL,
	label TEXT NOT NULL,
	type VARCHAR(32) NOT NULL,
	country VARCHAR(3),
	admin1 TEXT,
	locality TEXT,
	lat FLOAT,
	lon FLOAT,
	countries TEXT,
	start DATE,
	historical BOOLEAN NOT NULL,
	n_documents INTEGER NOT NULL,
	CONSTRAINT pk_events PRIMARY KEY (id),
	CONSTRAINT uq_events_key UNIQUE ("key")
);

CREATE INDEX ix_events_country ON events (country);

CREATE INDEX ix_events_start ON events (start);

CREATE INDEX ix_events_type ON events (type);

CREATE TABLE runs (
	id INTEGER NOT NULL,
	kind VARCHAR(16) NOT NULL,
	tracker_version VARCHAR(32) NOT NULL,
	settings_hash VARCHAR(64) NOT NULL,
	started DATETIME NOT NULL,
	finished DATETIME,
	status VARCHAR(16) NOT NULL,
	n_documents INTEGER NOT NULL,
	n_skipped INTEGER NOT NULL,
	n_failed INTEGER NOT NULL,
	n_figures INTEGER NOT NULL,
	message TEXT,
	CONSTRAINT pk_runs PRIMARY KEY (id)
);

CREATE TABLE sources (
	id INTEGER NOT NULL,
	name TEXT NOT NULL,
	kind VARCHAR(32),
	CONSTRAINT pk_sources PRIMARY KEY (id),
	CONSTRAINT uq_sources_name UNIQUE (name)
);

CREATE TABLE documents (
	id INTEGER NOT NULL,
	content_hash VARCHAR(64) NOT NULL,
	"key" TEXT NOT NULL,
	path TEXT,
	url TEXT,
	outlet TEXT,
	title TEXT,
	published DATETIME,
	ingested_at DATETIME NOT NULL,
	text TEXT NOT NULL,
	run_id INTEGER,
	origin_document_id INTEGER,
	analyzed_version VARCHAR(32),
	CONSTRAINT pk_documents PRIMARY KEY (id),
	CONSTRAINT uq_documents_content_hash UNIQUE (content_hash),
	CONSTRAINT fk_documents_run_id_runs FOREIGN KEY(run_id) REFERENCES runs (id) ON DELETE SET NULL,
	CONSTRAINT fk_documents_origin_document_id_documents FOREIGN KEY(origin_document_id) REFERENCES documents (id) ON DELETE SET NULL
);

CREATE INDEX ix_documents_analyzed_version ON documents (analyzed_version);

CREATE INDEX ix_documents_key ON documents ("key");

CREATE INDEX ix_documents_origin_document_id ON documents (origin_document_id);

CREATE INDEX ix_documents_published ON documents (published);

CREATE INDEX ix_documents_run_id ON documents (run_id);

CREATE TABLE source_aliases (
	id INTEGER NOT NULL,
	source_id INTEGER NOT NULL,
	alias TEXT NOT NULL,
	CONSTRAINT pk_source_aliases PRIMARY KEY (id),
	CONSTRAINT uq_source_aliases_source_id_alias UNIQUE (source_id, alias),
	CONSTRAINT fk_source_aliases_source_id_sources FOREIGN KEY(source_id) REFERENCES sources (id) ON DELETE CASCADE
);

CREATE TABLE statistics (
	id INTEGER NOT NULL,
	"key" TEXT NOT NULL,
	label TEXT NOT NULL,
	category VARCHAR(16) NOT NULL,
	event_id INTEGER,
	population TEXT NOT NULL,
	period TEXT NOT NULL,
	country VARCHAR(3),
	admin1 TEXT,
	locality TEXT,
	lat FLOAT,
	lon FLOAT,
	parent_id INTEGER,
	headline_figure_id INTEGER,
	CONSTRAINT pk_statistics PRIMARY KEY (id),
	CONSTRAINT uq_statistics_key UNIQUE ("key"),
	CONSTRAINT fk_statistics_event_id_events FOREIGN KEY(event_id) REFERENCES events (id) ON DELETE CASCADE,
	CONSTRAINT fk_statistics_parent_id_statistics FOREIGN KEY(parent_id) REFERENCES statistics (id) ON DELETE SET NULL,
	CONSTRAINT fk_statistics_headline_figure_id_figures FOREIGN KEY(headline_figure_id) REFERENCES figures (id) ON DELETE SET NULL
);

CREATE INDEX ix_statistics_category ON statistics (category);

CREATE INDEX ix_statistics_event_id ON statistics (event_id);

CREATE INDEX ix_statistics_headline_figure_id ON statistics (headline_figure_id);

CREATE INDEX ix_statistics_parent_id ON statistics (parent_id);

CREATE TABLE claims (
	id INTEGER NOT NULL,
	"key" TEXT NOT NULL,
	statistic_id INTEGER NOT NULL,
	value FLOAT,
	low FLOAT,
	high FLOAT,
	qualifier VARCHAR(16) NOT NULL,
	unit VARCHAR(64) NOT NULL,
	entity TEXT,
	source_id INTEGER,
	n_documents INTEGER NOT NULL,
	n_origins INTEGER NOT NULL,
	CONSTRAINT pk_claims PRIMARY KEY (id),
	CONSTRAINT uq_claims_key UNIQUE ("key"),
	CONSTRAINT fk_claims_statistic_id_statistics FOREIGN KEY(statistic_id) REFERENCES statistics (id) ON DELETE CASCADE,
	CONSTRAINT fk_claims_source_id_sources FOREIGN KEY(source_id) REFERENCES sources (id) ON DELETE SET NULL
);

CREATE INDEX ix_claims_source_id ON claims (source_id);

CREATE INDEX ix_claims_statistic_id ON claims (statistic_id);

CREATE TABLE document_events (
	id INTEGER NOT NULL,
	document_id INTEGER NOT NULL,
	"index" INTEGER NOT NULL,
	type VARCHAR(32) NOT NULL,
	"trigger" TEXT NOT NULL,
	name TEXT,
	country VARCHAR(3),
	admin1 TEXT,
	locality TEXT,
	lat FLOAT,
	lon FLOAT,
	countries TEXT,
	start DATE,
	year INTEGER,
	historical BOOLEAN NOT NULL,
	event_id INTEGER,
	CONSTRAINT pk_document_events PRIMARY KEY (id),
	CONSTRAINT uq_document_events_document_id_index UNIQUE (document_id, "index"),
	CONSTRAINT fk_document_events_document_id_documents FOREIGN KEY(document_id) REFERENCES documents (id) ON DELETE CASCADE,
	CONSTRAINT fk_document_events_event_id_events FOREIGN KEY(event_id) REFERENCES events (id) ON DELETE SET NULL
);

CREATE INDEX ix_document_events_event_id ON document_events (event_id);

CREATE TABLE sentences (
	id INTEGER NOT NULL,
	document_id INTEGER NOT NULL,
	"index" INTEGER NOT NULL,
	start BIGINT NOT NULL,
	"end" BIGINT NOT NULL,
	text TEXT NOT NULL,
	paragraph INTEGER NOT NULL,
	CONSTRAINT pk_sentences PRIMARY KEY (id),
	CONSTRAINT uq_sentences_document_id_index UNIQUE (document_id, "index"),
	CONSTRAINT fk_sentences_document_id_documents FOREIGN KEY(document_id) REFERENCES documents (id) ON DELETE CASCADE
);

CREATE TABLE figures (
	id INTEGER NOT NULL,
	document_id INTEGER NOT NULL,
	sentence_id INTEGER,
	"index" INTEGER NOT NULL,
	doc TEXT NOT NULL,
	start BIGINT NOT NULL,
	"end" BIGINT NOT NULL,
	text TEXT NOT NULL,
	sentence TEXT NOT NULL,
	sentence_start BIGINT NOT NULL,
	sentence_end BIGINT NOT NULL,
	value FLOAT,
	low FLOAT,
	high FLOAT,
	qualifier VARCHAR(16) NOT NULL,
	unit VARCHAR(64) NOT NULL,
	si_value FLOAT,
	entity TEXT,
	category VARCHAR(16) NOT NULL,
	trend VARCHAR(8),
	source_id INTEGER,
	source_text TEXT,
	source_kind VARCHAR(32),
	parent_id INTEGER,
	equivalent_of_id INTEGER,
	scope TEXT,
	scope_start TEXT,
	tracker_version VARCHAR(32) NOT NULL,
	channel TEXT,
	country VARCHAR(3),
	admin1 TEXT,
	locality TEXT,
	lat FLOAT,
	lon FLOAT,
	countries TEXT,
	event_index INTEGER,
	period TEXT,
	stage INTEGER,
	own_place BOOLEAN,
	event_id INTEGER,
	statistic_id INTEGER,
	CONSTRAINT pk_figures PRIMARY KEY (id),
	CONSTRAINT uq_figures_document_id_index UNIQUE (document_id, "index"),
	CONSTRAINT fk_figures_document_id_documents FOREIGN KEY(document_id) REFERENCES documents (id) ON DELETE CASCADE,
	CONSTRAINT fk_figures_sentence_id_sentences FOREIGN KEY(sentence_id) REFERENCES sentences (id) ON DELETE SET NULL,
	CONSTRAINT fk_figures_source_id_sources FOREIGN KEY(source_id) REFERENCES sources (id) ON DELETE SET NULL,
	CONSTRAINT fk_figures_parent_id_figures FOREIGN KEY(parent_id) REFERENCES figures (id) ON DELETE SET NULL,
	CONSTRAINT fk_figures_equivalent_of_id_figures FOREIGN KEY(equivalent_of_id) REFERENCES figures (id) ON DELETE SET NULL,
	CONSTRAINT fk_figures_event_id_events FOREIGN KEY(event_id) REFERENCES events (id) ON DELETE SET NULL,
	CONSTRAINT fk_figures_statistic_id_statistics FOREIGN KEY(statistic_id) REFERENCES statistics (id) ON DELETE SET NULL
);

CREATE INDEX ix_figures_category_value ON figures (category, value);

CREATE INDEX ix_figures_country ON figures (country);

CREATE INDEX ix_figures_equivalent_of_id ON figures (equivalent_of_id);

CREATE INDEX ix_figures_event_id ON figures (event_id);

CREATE INDEX ix_figures_parent_id ON figures (parent_id);

CREATE INDEX ix_figures_sentence_id ON figures (sentence_id);

CREATE INDEX ix_figures_source_id ON figures (source_id);

CREATE INDEX ix_figures_statistic_id ON figures (statistic_id);

CREATE TABLE discrepancies (
	id INTEGER NOT NULL,
	statistic_id INTEGER NOT NULL,
	kind VARCHAR(16) NOT NULL,
	claim_a_id INTEGER NOT NULL,
	claim_b_id INTEGER NOT NULL,
	description TEXT NOT NULL,
	figure_a_id INTEGER,
	figure_b_id INTEGER,
	CONSTRAINT pk_discrepancies PRIMARY KEY (id),
	CONSTRAINT fk_discrepancies_statistic_id_statistics FOREIGN KEY(statistic_id) REFERENCES statistics (id) ON DELETE CASCADE,
	CONSTRAINT fk_discrepancies_claim_a_id_claims FOREIGN KEY(claim_a_id) REFERENCES claims (id) ON DELETE CASCADE,
	CONSTRAINT fk_discrepancies_claim_b_id_claims FOREIGN KEY(claim_b_id) REFERENCES claims (id) ON DELETE CASCADE,
	CONSTRAINT fk_discrepancies_figure_a_id_figures FOREIGN KEY(figure_a_id) REFERENCES figures (id) ON DELETE CASCADE,
	CONSTRAINT fk_discrepancies_figure_b_id_figures FOREIGN KEY(figure_b_id) REFERENCES figures (id) ON DELETE CASCADE
);

CREATE INDEX ix_discrepancies_claim_a_id ON discrepancies (claim_a_id);

CREATE INDEX ix_discrepancies_claim_b_id ON discrepancies (claim_b_id);

CREATE INDEX ix_discrepancies_figure_a_id ON discrepancies (figure_a_id);

CREATE INDEX ix_discrepancies_figure_b_id ON discrepancies (figure_b_id);

CREATE INDEX ix_discrepancies_statistic_id ON discrepancies (statistic_id);

CREATE TABLE mentions (
	claim_id INTEGER NOT NULL,
	figure_id INTEGER NOT NULL,
	CONSTRAINT pk_mentions PRIMARY KEY (claim_id, figure_id),
	CONSTRAINT fk_mentions_claim_id_claims FOREIGN KEY(claim_id) REFERENCES claims (id) ON DELETE CASCADE,
	CONSTRAINT fk_mentions_figure_id_figures FOREIGN KEY(figure_id) REFERENCES figures (id) ON DELETE CASCADE
);

CREATE INDEX ix_mentions_figure_id ON mentions (figure_id);

CREATE TABLE revisions (
	id INTEGER NOT NULL,
	statistic_id INTEGER NOT NULL,
	source_id INTEGER,
	figure_from_id INTEGER NOT NULL,
	figure_to_id INTEGER NOT NULL,
	CONSTRAINT pk_revisions PRIMARY KEY (id),
	CONSTRAINT fk_revisions_statistic_id_statistics FOREIGN KEY(statistic_id) REFERENCES statistics (id) ON DELETE CASCADE,
	CONSTRAINT fk_revisions_source_id_sources FOREIGN KEY(source_id) REFERENCES sources (id) ON DELETE SET NULL,
	CONSTRAINT fk_revisions_figure_from_id_figures FOREIGN KEY(figure_from_id) REFERENCES figures (id) ON DELETE CASCADE,
	CONSTRAINT fk_revisions_figure_to_id_figures FOREIGN KEY(figure_to_id) REFERENCES figures (id) ON DELETE CASCADE
);

CREATE INDEX ix_revisions_figure_from_id ON revisions (figure_from_id);

CREATE INDEX ix_revisions_figure_to_id ON revisions (figure_to_id);

CREATE INDEX ix_revisions_source_id ON revisions (source_id);

CREATE INDEX ix_revisions_statistic_id ON revisions (statistic_id);

CREATE VIEW figure_provenance AS
SELECT
    f.id AS figure_id,
    f.value AS value,
    f.low AS low,
    f.high AS high,
    f.qualifier AS qualifier,
    f.unit AS unit,
    f.category AS category,
    f.entity AS entity,
    s.name AS source,
    f.source_text AS source_text,
    f.channel AS channel,
    f.text AS text,
    f.sentence AS sentence,
    e.id AS event_id,
    e.label AS event,
    st.id AS statistic_id,
    st.label AS statistic,
    f.country AS country,
    f.admin1 AS admin1,
    f.locality AS locality,
    f.lat AS lat,
    f.lon AS lon,
    f.period AS period,
    d.title AS document_title,
    d.outlet AS outlet,
    d.published AS published,
    d.key AS document_key,
    d.path AS path,
    d.url AS url,
    d.id AS document_id,
    f."start" AS "start",
    f."end" AS "end",
    f.tracker_version AS tracker_version
FROM figures f
JOIN documents d ON d.id = f.document_id
LEFT JOIN sources s ON s.id = f.source_id
LEFT JOIN events e ON e.id = f.event_id
LEFT JOIN statistics st ON st.id = f.statistic_id;

CREATE VIEW casualty_figures AS
SELECT * FROM figure_provenance
WHERE category IN ('killed', 'injured', 'missing', 'detained', 'released', 'displaced', 'refugees',
    'evacuated', 'affected', 'deployed', 'fled');

CREATE VIEW claim_summary AS
SELECT
    c.id AS claim_id,
    st.id AS statistic_id,
    st.label AS statistic,
    st.category AS category,
    c.value AS value,
    c.low AS low,
    c.high AS high,
    c.qualifier AS qualifier,
    c.unit AS unit,
    c.entity AS entity,
    so.name AS source,
    (SELECT count(*) FROM mentions m WHERE m.claim_id = c.id) AS n_mentions,
    c.n_documents AS n_documents,
    c.n_origins AS n_origins,
    (SELECT min(d.published) FROM mentions m
        JOIN figures f ON f.id = m.figure_id
        JOIN documents d ON d.id = f.document_id
        WHERE m.claim_id = c.id) AS first_published,
    (SELECT max(d.published) FROM mentions m
        JOIN figures f ON f.id = m.figure_id
        JOIN documents d ON d.id = f.document_id
        WHERE m.claim_id = c.id) AS last_published
FROM claims c
JOIN statistics st ON st.id = c.statistic_id
LEFT JOIN sources so ON so.id = c.source_id;

CREATE VIEW discrepancy_summary AS
SELECT
    x.id AS discrepancy_id,
    st.id AS statistic_id,
    st.label AS statistic,
    st.category AS category,
    st.event_id AS event_id,
    x.kind AS kind,
    x.description AS description,
    ca.id AS claim_a_id,
    ca.value AS value_a,
    ca.low AS low_a,
    ca.high AS high_a,
    sa.name AS source_a,
    fa.id AS figure_a_id,
    fa.sentence AS sentence_a,
    da.published AS published_a,
    cb.id AS claim_b_id,
    cb.value AS value_b,
    cb.low AS low_b,
    cb.high AS high_b,
    sb.name AS source_b,
    fb.id AS figure_b_id,
    fb.sentence AS sentence_b,
    db.published AS published_b
FROM discrepancies x
JOIN statistics st ON st.id = x.statistic_id
JOIN claims ca ON ca.id = x.claim_a_id
JOIN claims cb ON cb.id = x.claim_b_id
LEFT JOIN sources sa ON sa.id = ca.source_id
LEFT JOIN sources sb ON sb.id = cb.source_id
LEFT JOIN figures fa ON fa.id = x.figure_a_id
LEFT JOIN figures fb ON fb.id = x.figure_b_id
LEFT JOIN documents da ON da.id = fa.document_id
LEFT JOIN documents db ON db.id = fb.document_id;

CREATE VIEW event_summary AS
SELECT
    e.id AS event_id,
    e.key AS event_key,
    e.label AS label,
    e.type AS type,
    e.country AS country,
    e.admin1 AS admin1,
    e.locality AS locality,
    e.lat AS lat,
    e.lon AS lon,
    e.start AS start,
    e.historical AS historical,
    (SELECT f.value FROM statistics st JOIN figures f ON f.id = st.headline_figure_id
        WHERE st.event_id = e.id AND st.category = 'killed' AND st.parent_id IS NULL
          AND st.population = 'people' AND st.period = 'cumulative'
        ORDER BY st.id LIMIT 1) AS killed,
    (SELECT f.low FROM statistics st JOIN figures f ON f.id = st.headline_figure_id
        WHERE st.event_id = e.id AND st.category = 'killed' AND st.parent_id IS NULL
          AND st.population = 'people' AND st.period = 'cumulative'
        ORDER BY st.id LIMIT 1) AS killed_low,
    (SELECT so.name FROM statistics st JOIN figures f ON f.id = st.headline_figure_id
        JOIN sources so ON so.id = f.source_id
        WHERE st.event_id = e.id AND st.category = 'killed' AND st.parent_id IS NULL
          AND st.population = 'people' AND st.period = 'cumulative'
        ORDER BY st.id LIMIT 1) AS killed_source,
    (SELECT f.value FROM statistics st JOIN figures f ON f.id = st.headline_figure_id
        WHERE st.event_id = e.id AND st.category = 'injured' AND st.parent_id IS NULL
          AND st.population = 'people' AND st.period = 'cumulative'
        ORDER BY st.id LIMIT 1) AS injured,
    (SELECT f.low FROM statistics st JOIN figures f ON f.id = st.headline_figure_id
        WHERE st.event_id = e.id AND st.category = 'injured' AND st.parent_id IS NULL
          AND st.population = 'people' AND st.period = 'cumulative'
        ORDER BY st.id LIMIT 1) AS injured_low,
    (SELECT so.name FROM statistics st JOIN figures f ON f.id = st.headline_figure_id
        JOIN sources so ON so.id = f.source_id
        WHERE st.event_id = e.id AND st.category = 'injured' AND st.parent_id IS NULL
          AND st.population = 'people' AND st.period = 'cumulative'
        ORDER BY st.id LIMIT 1) AS injured_source,
    (SELECT f.value FROM statistics st JOIN figures f ON f.id = st.headline_figure_id
        WHERE st.event_id = e.id AND st.category = 'displaced' AND st.parent_id IS NULL
          AND st.population = 'people' AND st.period = 'cumulative'
        ORDER BY st.id LIMIT 1) AS displaced,
    (SELECT f.low FROM statistics st JOIN figures f ON f.id = st.headline_figure_id
        WHERE st.event_id = e.id AND st.category = 'displaced' AND st.parent_id IS NULL
          AND st.population = 'people' AND st.period = 'cumulative'
        ORDER BY st.id LIMIT 1) AS displaced_low,
    (SELECT so.name FROM statistics st JOIN figures f ON f.id = st.headline_figure_id
        JOIN sources so ON so.id = f.source_id
        WHERE st.event_id = e.id AND st.category = 'displaced' AND st.parent_id IS NULL
          AND st.population = 'people' AND st.period = 'cumulative'
        ORDER BY st.id LIMIT 1) AS displaced_source,
    e.n_documents AS n_documents
FROM events e;

CREATE VIEW revision_history AS
SELECT
    r.id AS revision_id,
    st.id AS statistic_id,
    st.label AS statistic,
    st.category AS category,
    st.event_id AS event_id,
    so.name AS source,
    ff.id AS figure_from_id,
    ff.value AS value_from,
    ff.low AS low_from,
    ff.high AS high_from,
    ff.text AS text_from,
    df.published AS published_from,
    df.key AS document_from,
    ft.id AS figure_to_id,
    ft.value AS value_to,
    ft.low AS low_to,
    ft.high AS high_to,
    ft.text AS text_to,
    dt.published AS published_to,
    dt.key AS document_to
FROM revisions r
JOIN statistics st ON st.id = r.statistic_id
JOIN figures ff ON ff.id = r.figure_from_id
JOIN figures ft ON ft.id = r.figure_to_id
JOIN documents df ON df.id = ff.document_id
JOIN documents dt ON dt.id = ft.document_id
LEFT JOIN sources so ON so.id = r.source_id;
