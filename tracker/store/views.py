"""SQL views with readable columns, for people who query the database directly (SQLite and PostgreSQL).

Each migration that changes a view gets its own frozen set here (VIEWS_0001, ...); CURRENT_VIEWS is what
the newest revision creates, and what schemas/store.sql shows.
"""

from __future__ import annotations

from typing import Final

#: The casualty categories as frozen in revision 0001 (a test checks them against tracker.figure).
CASUALTY_CATEGORIES_0001: Final = (
    "killed", "injured", "missing", "detained", "released", "displaced", "refugees", "evacuated",
    "affected", "deployed", "fled",
)

_FIGURE_PROVENANCE_0001 = """
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
    f.text AS text,
    f.sentence AS sentence,
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
"""

_CASUALTY_FIGURES_0001 = """
SELECT * FROM figure_provenance
WHERE category IN ('killed', 'injured', 'missing', 'detained', 'released', 'displaced', 'refugees',
    'evacuated', 'affected', 'deployed', 'fled')
"""

_CLAIM_SUMMARY_0001 = """
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
LEFT JOIN sources so ON so.id = c.source_id
"""

_DISCREPANCY_SUMMARY_0001 = """
SELECT
    x.id AS discrepancy_id,
    st.id AS statistic_id,
    st.label AS statistic,
    st.category AS category,
    x.kind AS kind,
    x.description AS description,
    ca.id AS claim_a_id,
    ca.value AS value_a,
    ca.low AS low_a,
    ca.high AS high_a,
    sa.name AS source_a,
    cb.id AS claim_b_id,
    cb.value AS value_b,
    cb.low AS low_b,
    cb.high AS high_b,
    sb.name AS source_b
FROM discrepancies x
JOIN statistics st ON st.id = x.statistic_id
JOIN claims ca ON ca.id = x.claim_a_id
JOIN claims cb ON cb.id = x.claim_b_id
LEFT JOIN sources sa ON sa.id = ca.source_id
LEFT JOIN sources sb ON sb.id = cb.source_id
"""

#: name -> SELECT, in creation order (casualty_figures reads figure_provenance).
VIEWS_0001: Final = {
    "figure_provenance": _FIGURE_PROVENANCE_0001.strip(),
    "casualty_figures": _CASUALTY_FIGURES_0001.strip(),
    "claim_summary": _CLAIM_SUMMARY_0001.strip(),
    "discrepancy_summary": _DISCREPANCY_SUMMARY_0001.strip(),
}

_FIGURE_PROVENANCE_0002 = """
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
LEFT JOIN statistics st ON st.id = f.statistic_id
"""

_DISCREPANCY_SUMMARY_0002 = """
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
LEFT JOIN documents db ON db.id = fb.document_id
"""


_HEADLINE_COLUMNS = """
    (SELECT f.value FROM statistics st JOIN figures f ON f.id = st.headline_figure_id
        WHERE st.event_id = e.id AND st.category = 'CATEGORY' AND st.parent_id IS NULL
          AND st.population = 'people' AND st.period = 'cumulative'
        ORDER BY st.id LIMIT 1) AS CATEGORY,
    (SELECT f.low FROM statistics st JOIN figures f ON f.id = st.headline_figure_id
        WHERE st.event_id = e.id AND st.category = 'CATEGORY' AND st.parent_id IS NULL
          AND st.population = 'people' AND st.period = 'cumulative'
        ORDER BY st.id LIMIT 1) AS CATEGORY_low,
    (SELECT so.name FROM statistics st JOIN figures f ON f.id = st.headline_figure_id
        JOIN sources so ON so.id = f.source_id
        WHERE st.event_id = e.id AND st.category = 'CATEGORY' AND st.parent_id IS NULL
          AND st.population = 'people' AND st.period = 'cumulative'
        ORDER BY st.id LIMIT 1) AS CATEGORY_source,"""

_EVENT_SUMMARY_0002 = (
    """
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
    e.historical AS historical,"""
    # the headline of each category: the value and source of the event's own statistic of it (all people,
    # the event's place, cumulative)
    + "".join(_HEADLINE_COLUMNS.replace("CATEGORY", c) for c in ("killed", "injured", "displaced"))
    + """
    e.n_documents AS n_documents
FROM events e
"""
)

_REVISION_HISTORY_0002 = """
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
LEFT JOIN sources so ON so.id = r.source_id
"""

#: Revision 0002: figure_provenance gains event, statistic and place; events and revisions get views.
VIEWS_0002: Final = {
    "figure_provenance": _FIGURE_PROVENANCE_0002.strip(),
    "casualty_figures": _CASUALTY_FIGURES_0001.strip(),
    "claim_summary": _CLAIM_SUMMARY_0001.strip(),
    "discrepancy_summary": _DISCREPANCY_SUMMARY_0002.strip(),
    "event_summary": _EVENT_SUMMARY_0002.strip(),
    "revision_history": _REVISION_HISTORY_0002.strip(),
}

CURRENT_VIEWS: Final = VIEWS_0002


def create_view_sql(name: str, select: str) -> str:
    """The CREATE VIEW statement of one view."""
    return f"CREATE VIEW {name} AS\n{select}"


def drop_view_sql(name: str) -> str:
    """The DROP VIEW statement of one view."""
    return f"DROP VIEW IF EXISTS {name}"
