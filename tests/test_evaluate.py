from polevents.evaluate import evaluate


def event(source, target, cameo, modality="asserted", confidence=0.5, source_text="", target_text=""):
    plover = {"04": "CONSULT", "19": "ASSAULT", "11": "ACCUSE", "16": "SANCTION", "18": "ASSAULT"}[cameo[:2]]
    return {"source": {"code": source, "text": source_text or source},
            "target": {"code": target, "text": target_text or target} if target else None,
            "cameo": cameo, "plover": {"event": plover}, "modality": modality,
            "confidence": confidence}


def levels(gold, coded):
    report = evaluate(gold, coded)
    return {k: (v.tp, v.fp, v.fn) for k, v in report.levels.items()}, report


def test_root_and_full_levels_count_multisets_of_triples():
    gold = [{"events": [{"source": "ISRGOV", "target": "RUSGOV", "cameo": "042"},
                        {"source": "ISRGOV", "target": "RUSGOV", "cameo": "042"}]}]
    coded = [[event("ISRGOV", "RUSGOV", "046"), event("ISR", "RUS", "040"),
              event("ISRGOV", "RUSGOV", "042")]]
    scores, _ = levels(gold, coded)
    assert scores["root"] == (2, 1, 0)   # three coded, two gold: one is extra
    assert scores["full"] == (1, 2, 1)


def test_only_asserted_events_are_scored_and_null_targets_match_empty():
    gold = [{"events": [{"source": "USAGOV", "target": None, "cameo": "111"}]}]
    coded = [[event("USAGOV", None, "111"), event("USAGOV", "IRN", "190", modality="negated")]]
    scores, _ = levels(gold, coded)
    assert scores["root"] == (1, 0, 0)


def test_optional_events_lists_of_codes_and_wildcard_targets():
    gold = [{"events": [{"source": "TURMIL", "target": "*", "cameo": ["190", "193"]},
                        {"source": "SYR", "target": "TUR", "cameo": "111", "optional": True},
                        {"source": "RUS", "target": "TUR", "cameo": "040", "optional": True}]}]
    coded = [[event("TURMIL", "SYRREB", "193"), event("SYR", "TUR", "112")]]
    scores, _ = levels(gold, coded)
    assert scores["root"] == (1, 0, 0)   # the accusation soaks up the optional gold event,
    #                                      and the missed optional consult is no miss
    assert scores["full"] == (1, 1, 0)   # at full level 112 is not the optional 111


def test_a_document_without_events_makes_every_coded_event_a_false_positive():
    scores, report = levels([{"events": []}], [[event("RUS", "UKR", "190")]])
    assert scores["root"] == (0, 1, 0)
    assert report.confusions


def test_plover_level_uses_only_gold_events_that_give_plover():
    gold = [{"events": [{"source": "RUS", "target": "UKR", "cameo": "190", "plover": "ASSAULT"},
                        {"source": "UKR", "target": "RUS", "cameo": "111", "plover": "ACCUSE"}]},
            {"events": [{"source": "UKR", "target": "RUS", "cameo": "111"}]}]
    coded = [[event("RUSMIL", "UKR", "194"), event("UKR", "RUS", "160")],
             [event("UKR", "RUS", "111")]]
    scores, _ = levels(gold, coded)
    assert scores["plover"] == (1, 1, 1)


def test_pentaclass_main_event_is_the_most_confident_and_spans_share_a_word():
    gold = [{"pentaclass": 4, "source_spans": ["Iraqi troops"], "target_spans": ["the ISIS bastion"]},
            {"pentaclass": 1, "source_spans": ["Russian Foreign Minister"]},
            {"pentaclass": 0}]
    coded = [[event("IRQMIL", "IMGMUSISI", "190", confidence=0.9, source_text="troops",
                    target_text="the last ISIS group"),
              event("IRQ", "USA", "040", confidence=0.4)],
             [event("RUSGOV", "SYR", "111", confidence=0.7, source_text="The minister")],
             []]
    report = evaluate(gold, coded)
    assert (report.penta_right, report.penta_docs) == (1, 3)
    assert (report.source_right, report.source_docs) == (2, 2)
    assert (report.target_right, report.target_docs) == (1, 1)


def test_documents_labelled_with_one_plover_event_score_their_main_event():
    gold = [{"plover_event": "ASSAULT"}, {"plover_event": "CONSULT"}, {"plover_event": "PROTEST"}]
    coded = [[event("RUS", "UKR", "190", confidence=0.9), event("RUS", "UKR", "040", confidence=0.5)],
             [event("RUS", "UKR", "190", confidence=0.6)],
             []]
    report = evaluate(gold, coded)
    assert (report.plover_right, report.plover_docs) == (1, 3)
