"""One event from many reports: clustering mentions, counting them, flagging contradictions."""

import datetime as dt

import pytest
from fake_coder import ReplayCoder, load_docs

from polevents import store
from polevents.dedup import Mention, cluster_mentions, jaccard, tokens
from polevents.ingest import ingest_documents

DAY = dt.date(2022, 3, 5).toordinal()


def mention(key, doc, text, day=DAY, source="RUS", target="UKR", cameo="195", quad=4,
            modality="asserted", outlet=None, location=None):
    return Mention(key=key, doc=doc, outlet=outlet or doc, source=source, target=target,
                   cameo=cameo, quad_class=quad, modality=modality, day=day, text=text,
                   location=location, goldstein=-10.0)


ATTACK_AP = "Russian forces shelled the city of Kharkiv on Saturday, killing five civilians."
ATTACK_BBC = "Russia shelled Kharkiv on Saturday, killing five people, officials said."
OTHER = "Russian missiles struck the port of Odesa, destroying grain silos."


def test_two_reports_of_one_attack_are_one_cluster_with_two_documents():
    [c] = cluster_mentions([mention("a", "ap", ATTACK_AP, outlet="AP"),
                            mention("b", "bbc", ATTACK_BBC, day=DAY + 1, outlet="BBC")])
    assert (c.n_mentions, c.n_documents, c.n_sources) == (2, 2, 2)
    assert c.members == ["a", "b"] and c.first_day == DAY and c.last_day == DAY + 1
    assert c.contradictions == []


def test_distinct_sources_count_outlets_not_documents():
    [c] = cluster_mentions([mention("a", "ap1", ATTACK_AP, outlet="AP"),
                            mention("b", "ap2", ATTACK_BBC, outlet="AP")])
    assert (c.n_documents, c.n_sources) == (2, 1)


@pytest.mark.parametrize("second", [
    mention("b", "bbc", ATTACK_BBC, day=DAY + 3),  # outside the 2-day window
    mention("b", "bbc", ATTACK_BBC, source="UKR", target="RUS"),  # the other direction
    mention("b", "bbc", ATTACK_BBC, cameo="042", quad=1),  # another CAMEO root
    mention("b", "bbc", OTHER),  # another attack the same day
    mention("b", "bbc", ATTACK_BBC, modality="future"),  # a threat is not the attack
])
def test_what_is_not_the_same_event(second):
    assert len(cluster_mentions([mention("a", "ap", ATTACK_AP), second])) == 2


def test_same_place_joins_reports_with_different_words():
    a = mention("a", "ap", "Shelling hit Kharkiv overnight.", location="Kharkiv")
    b = mention("b", "bbc", "Artillery struck residential blocks.", location="kharkiv")
    assert len(cluster_mentions([a, b])) == 1


def test_window_chains_reports_day_by_day():
    ms = [mention(str(i), f"d{i}", ATTACK_AP, day=DAY + 2 * i) for i in range(4)]
    [c] = cluster_mentions(ms)
    assert c.n_mentions == 4 and c.last_day - c.first_day == 6


def test_undated_mentions_stay_alone():
    clusters = cluster_mentions([mention("a", "ap", ATTACK_AP, day=None),
                                 mention("b", "bbc", ATTACK_AP, day=None)])
    assert len(clusters) == 2


def test_asserted_and_negated_on_the_same_day_are_flagged():
    clusters = cluster_mentions([
        mention("a", "ria", "Ukrainian forces attacked a fuel depot in Belgorod.", source="UKR",
                target="RUS", cameo="190"),
        mention("b", "kyiv", "Ukraine did not attack the fuel depot in Belgorod.", source="UKR",
                target="RUS", cameo="190", modality="negated")])
    [c] = clusters
    assert c.contradictions == ["asserted-negated"] and c.modality == "asserted"


def test_cooperation_and_conflict_on_the_same_dyad_and_day_are_flagged():
    talks = mention("a", "r", "Russian and Ukrainian delegations held talks.", cameo="046", quad=1)
    attack = mention("b", "r", "Russian forces shelled Kyiv.")
    later = mention("c", "r", "Russian forces shelled Lviv.", day=DAY + 5)
    flags = {c.members[0]: c.contradictions for c in cluster_mentions([talks, attack, later])}
    assert flags == {"a": ["cooperation-conflict"], "b": ["cooperation-conflict"], "c": []}


def test_cluster_ids_are_stable_and_every_mention_is_in_one_cluster():
    ms = [mention(f"m{i}", f"d{i % 7}", f"{ATTACK_AP} {i % 3}", day=DAY + i % 5,
                  cameo=["195", "190", "042"][i % 3]) for i in range(60)]
    first, second = cluster_mentions(ms), cluster_mentions(list(reversed(ms)))
    assert [(c.cluster_id, c.members) for c in first] == [(c.cluster_id, c.members) for c in second]
    members = [k for c in first for k in c.members]
    assert sorted(members) == sorted(m.key for m in ms)


def test_tokens_and_jaccard():
    assert tokens("The Russian forces, said officials") == {"russian", "forces", "officials"}
    assert jaccard(tokens(ATTACK_AP), tokens(ATTACK_BBC)) > 0.3
    assert jaccard(tokens(ATTACK_AP), tokens(OTHER)) < 0.2


def test_store_links_every_mention_to_its_cluster(tmp_path):
    path = tmp_path / "events.duckdb"
    ingest_documents(load_docs(), path, ReplayCoder())
    with store.connect(path, read_only=True) as con:
        assert con.execute("SELECT count(*) FROM events WHERE cluster_id IS NULL").fetchone()[0] == 0
        rows = con.execute("SELECT c.n_mentions, c.n_documents, c.n_sources, list(e.doc_id ORDER BY"
                           " e.doc_id) FROM clusters c JOIN events e USING (cluster_id)"
                           " WHERE c.cameo = '195' GROUP BY c.cluster_id, c.day, 1, 2, 3 ORDER BY c.day").fetchall()
    assert rows == [(2, 2, 2, ["ap-1", "bbc-1"]), (1, 1, 1, ["talks-1"])]


def test_new_reports_join_stored_clusters(tmp_path):
    path = tmp_path / "events.duckdb"
    docs = load_docs()
    ingest_documents([d for d in docs if d.id != "bbc-1"], path, ReplayCoder())
    before = store.counts(path)["clusters"]
    ingest_documents([d for d in docs if d.id == "bbc-1"], path, ReplayCoder())
    after = store.counts(path)
    assert after["clusters"] == before and after["unclustered"] == 0
    with store.connect(path, read_only=True) as con:
        assert con.execute("SELECT max(n_documents) FROM clusters").fetchone()[0] == 2


def test_incremental_ingest_clusters_like_one_big_ingest(tmp_path):
    """Re-clustering only the stretch new reports touch gives what clustering everything gives."""
    import random

    from fake_coder import load_records

    from polevents.model import Document

    template = next(r for r in load_records() if r["doc_id"] == "ap-1")
    wordings = ["Russian forces shelled the city of Kharkiv, killing five civilians.",
                "Russian artillery shelled Kharkiv, killing civilians, officials said.",
                "Russian troops attacked a village near Izium with rockets overnight."]
    rng = random.Random(3)
    docs, records = [], []
    for i in range(60):
        text = f"{rng.choice(wordings)} Report {i}."
        day = (dt.date(2022, 3, 1) + dt.timedelta(days=rng.randrange(40))).isoformat()
        docs.append(Document(f"doc{i}", text, day, source=f"outlet{i % 4}"))
        records.append(dict(template, doc_id=f"doc{i}", event_id=f"e{i}", date=day, location=None,
                            text=text.split(" Report")[0], cameo=rng.choice(["190", "195"]),
                            modality=rng.choice(["asserted"] * 5 + ["negated"])))

    def clusters(path):
        with store.connect(path, read_only=True) as con:
            rows = con.execute("SELECT c.cluster_id, c.n_mentions, c.contradictions,"
                               " list(e.doc_id ORDER BY e.doc_id) FROM clusters c JOIN events e"
                               " USING (cluster_id) GROUP BY ALL ORDER BY 1").fetchall()
        return [(cid, n, flags, members) for cid, n, flags, members in rows]

    at_once = tmp_path / "once.duckdb"
    ingest_documents(docs, at_once, ReplayCoder(records))
    bit_by_bit = tmp_path / "bits.duckdb"
    order = docs[:]
    rng.shuffle(order)
    for start in range(0, len(order), 7):
        ingest_documents(order[start:start + 7], bit_by_bit, ReplayCoder(records))
    expected = clusters(at_once)
    assert len(expected) < 60 and any(n > 2 for _, n, _, _ in expected)
    assert clusters(bit_by_bit) == expected
